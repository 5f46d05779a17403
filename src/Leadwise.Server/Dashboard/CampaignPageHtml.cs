using System.Globalization;
using Leadwise.Core.Outreach;
using Leadwise.Recommend.Recommending;

namespace Leadwise.Server.Dashboard;

/// <summary>
/// The dashboard's campaign page: the funnel per step (invites, follow-ups, replies at each), and the campaign's current
/// sequence beside the one the promoted sequence model recommends, with the expected replies of each.
/// </summary>
internal static class CampaignPageHtml
{
    public static string Render(CampaignView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var (campaign, leads) = (view.Campaign, view.Leads);
        var title = campaign.Name ?? "Campaign " + campaign.Id;
        var html = DashboardLayout.Begin(title);
        html.Open("p").Element("a", "← All leads", ("href", "/")).Close();
        html.Element("h1", title);
        html.Element("p", string.Create(CultureInfo.InvariantCulture, $"{campaign.Type} · account {campaign.UserId} · {leads:N0} leads · campaign {campaign.Id}"), ("class", "muted"));
        html.Open("p").Element("a", "Its leads, best first", ("href", "/?campaign=" + campaign.Id.Value.ToString(CultureInfo.InvariantCulture))).Close();
        Funnel(html, view.Funnel);
        Sequences(html, view.Messages, view.Recommendation, view.Catalog);
        return DashboardLayout.End(html);
    }

    public static string RenderNotFound(long id)
    {
        var html = DashboardLayout.Begin("Campaign not found");
        html.Element("h1", "Campaign not found");
        html.Open("div", ("class", "problem"), ("role", "alert")).Text(string.Create(CultureInfo.InvariantCulture, $"There is no campaign {id}. ")).Element("a", "Back to all leads", ("href", "/")).Close();
        return DashboardLayout.End(html);
    }

    private static void Funnel(HtmlWriter html, IReadOnlyList<FunnelStep> funnel)
    {
        html.Element("h2", "Funnel per step");
        if (funnel.Count == 0)
        {
            html.Element("p", "No lead of this campaign has been contacted yet.", ("class", "muted"));
            return;
        }

        var first = Math.Max(1, funnel[0].Sent);
        html.Open("table", ("class", "funnel")).Open("thead").Open("tr")
            .Element("th", "Step").Element("th", "Sent").Element("th", "Replied at this step").Element("th", "Reply rate").Element("th", "Reached, of invited")
            .Close().Close().Open("tbody");
        foreach (var step in funnel)
        {
            var reach = (double)step.Sent / first;
            html.Open("tr", ("data-step", step.Step.ToString(CultureInfo.InvariantCulture)))
                .Element("td", step.Step == 0 ? "Invite" : string.Create(CultureInfo.InvariantCulture, $"Follow-up {step.Step}"))
                .Element("td", step.Sent.ToString("N0", CultureInfo.InvariantCulture))
                .Element("td", step.Replied.ToString("N0", CultureInfo.InvariantCulture))
                .Element("td", DashboardLayout.Percent(step.ReplyRate))
                .Open("td").Open("span", ("class", "track"))
                .Element("span", null, ("class", "fill"), ("style", string.Create(CultureInfo.InvariantCulture, $"width: {reach * 100:0.#}%")))
                .Close()
                .Text(" " + DashboardLayout.Percent(reach)).Close()
                .Close();
        }

        html.Close().Close();
    }

    private static void Sequences(HtmlWriter html, IReadOnlyList<Message> messages, CampaignRecommendation? recommendation, IReadOnlyDictionary<MessageKey, Message> catalog)
    {
        html.Element("h2", "Current and recommended sequence");
        if (recommendation is null)
        {
            html.Element("p", "No sequence model is promoted (leadwise train adds one), or the campaign has no invite message: its own sequence.", ("class", "muted"));
        }
        else
        {
            html.Element("p", string.Create(CultureInfo.InvariantCulture,
                $"Expected replies over {recommendation.Leads:N0} leads {(recommendation.Leads == 0 ? string.Empty : "not yet contacted (or all, when none is waiting)")}: {recommendation.CurrentExpectedReplies:0.0} with the current sequence, {recommendation.ExpectedReplies:0.0} with the recommended one ({recommendation.ExpectedReplies - recommendation.CurrentExpectedReplies:+0.0;-0.0;0.0})."));
        }

        var steps = Math.Max(messages.Count == 0 ? 0 : messages.Max(m => m.Order) + 1, recommendation?.Sequence.Count ?? 0);
        html.Open("table", ("class", "sequences")).Open("thead").Open("tr").Element("th", "Step").Element("th", "Current message");
        if (recommendation is not null)
        {
            html.Element("th", "Recommended message");
        }

        html.Close().Close().Open("tbody");
        for (var step = 0; step < steps; step++)
        {
            var current = messages.FirstOrDefault(m => m.Order == step);
            html.Open("tr").Element("td", step == 0 ? "Invite" : string.Create(CultureInfo.InvariantCulture, $"Follow-up {step}"))
                .Element("td", current is null ? "—" : $"{current.Name ?? current.Key.ToString()} ({current.Key})");
            if (recommendation is not null)
            {
                var key = step < recommendation.Sequence.Count ? recommendation.Sequence[step] : (MessageKey?)null;
                var text = key is { } found ? $"{catalog.GetValueOrDefault(found)?.Name ?? found.ToString()} ({found})" : "—";
                html.Element("td", key is { } same && current is not null && same == current.Key ? text + " · unchanged" : text);
            }

            html.Close();
        }

        html.Close().Close();
    }
}
