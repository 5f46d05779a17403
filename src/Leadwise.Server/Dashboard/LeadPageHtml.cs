using System.Globalization;
using Leadwise.Core.Engagement;
using Leadwise.Core.Models;
using Leadwise.Core.Outreach;
using Leadwise.Core.Scoring;
using Leadwise.Server.Endpoints;

namespace Leadwise.Server.Dashboard;

/// <summary>What the last scoring run stored for the lead: what the lead list ranks by.</summary>
internal sealed record StoredScores(LeadScore? Points, ModelScore? Model);

/// <summary>
/// The dashboard's lead page: what <c>GET /api/leads/{id}</c> and <c>GET /recommend</c> answer for the lead, in
/// words: scores, the point breakdown by rule, the model's top reasons, the recommended message sequence rendered
/// for the lead, and its event timeline.
/// </summary>
internal static class LeadPageHtml
{
    /// <summary>Shows the most recent events only; a lead with thousands would bury the rest of the page.</summary>
    public const int MaxEvents = 100;

    private const int MaxReasons = 8;

    public static string Render(Lead lead, string? campaignName, LeadView view, StoredScores stored, IReadOnlyList<RecommendedStep> steps, IReadOnlyList<EngagementEvent> events)
    {
        var name = !string.IsNullOrWhiteSpace(lead.Name) ? lead.Name : $"{lead.FirstName} {lead.LastName}".Trim();
        var html = DashboardLayout.Begin(name);
        html.Open("p").Element("a", "← All leads", ("href", "/")).Close();
        html.Element("h1", name);
        html.Open("p", ("class", "muted")).Text(string.Join(" · ", new[] { lead.Title, lead.CompanyName, lead.Country }.Where(s => !string.IsNullOrWhiteSpace(s))) + " · campaign ")
            .Element("a", campaignName ?? lead.CampaignId.Value.ToString(CultureInfo.InvariantCulture), ("href", "/campaigns/" + lead.CampaignId.Value.ToString(CultureInfo.InvariantCulture))).Close();
        Scores(html, view);
        Stored(html, stored);
        Breakdown(html, view.Points);
        Reasons(html, view.Model);
        Sequence(html, steps);
        Timeline(html, events);
        html.Element("p", string.Create(CultureInfo.InvariantCulture, $"Scores on this page computed as of {view.AsOf:yyyy-MM-dd HH:mm} UTC."), ("class", "muted"));
        return DashboardLayout.End(html);
    }

    /// <summary>The page for a lead id the store does not have.</summary>
    public static string RenderNotFound(long id)
    {
        var html = DashboardLayout.Begin("Lead not found");
        html.Element("h1", "Lead not found");
        html.Open("div", ("class", "problem"), ("role", "alert")).Text(string.Create(CultureInfo.InvariantCulture, $"There is no lead {id}. ")).Element("a", "Back to all leads", ("href", "/")).Close();
        return DashboardLayout.End(html);
    }

    private static void Scores(HtmlWriter html, LeadView view)
    {
        html.Open("section", ("class", "cards"), ("aria-label", "Scores"));
        html.Open("div", ("class", "card")).Element("div", "Point score", ("class", "muted"))
            .Open("div", ("class", "big")).Text(DashboardLayout.Number(view.Points.Total) + " ");
        DashboardLayout.Grade(html, view.Points.Grade);
        html.Close().Close();
        html.Open("div", ("class", "card")).Element("div", "Model", ("class", "muted"));
        if (view.Model is { } model)
        {
            html.Open("div", ("class", "big")).Text(DashboardLayout.Percent(model.Probability) + " ");
            DashboardLayout.Grade(html, model.Grade);
            html.Close().Open("div", ("class", "sub")).Text(string.Create(CultureInfo.InvariantCulture, $"reply probability · score {model.Score} of 100 · "))
                .Element("a", string.Create(CultureInfo.InvariantCulture, $"model version {model.Version}"), ("href", string.Create(CultureInfo.InvariantCulture, $"/models/{model.Version}")))
                .Close();
        }
        else
        {
            html.Element("div", "No conversion model promoted (leadwise train adds one).", ("class", "sub"));
        }

        html.Close().Close();
    }

    /// <summary>
    /// The list ranks by the scores stored at the last scoring run, while this page scores as of now (event points
    /// decay): saying both keeps a reader from taking the difference for an error.
    /// </summary>
    private static void Stored(HtmlWriter html, StoredScores stored)
    {
        if (stored.Points is null && stored.Model is null)
        {
            html.Element("p", "Not scored by leadwise score yet, so the lead list ranks it last.", ("class", "muted"));
            return;
        }

        var parts = new List<string>();
        if (stored.Points is { } points)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{DashboardLayout.Number(points.Total)} points (grade {points.Grade}) as of {points.AsOf:yyyy-MM-dd HH:mm} UTC"));
        }

        if (stored.Model is { } model)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"model score {model.Score} (grade {model.Grade}, version {model.ModelVersion}) as of {model.AsOf:yyyy-MM-dd HH:mm} UTC"));
        }

        html.Element("p", "The lead list ranks it by the stored scores: " + string.Join("; ", parts) + ". This page scores it as of now.", ("class", "muted"));
    }

    private static void Breakdown(HtmlWriter html, PointsView points)
    {
        html.Element("h2", "Point breakdown");
        var subtotals = points.Subtotals
            .Select(s => (Ok: Enum.TryParse<ScoringModel>(s.Key, out var model), Model: model, s.Value))
            .Where(s => s.Ok)
            .ToDictionary(s => s.Model, s => s.Value);
        if (subtotals.Count > 0)
        {
            DashboardLayout.SubtotalBars(html, subtotals, subtotals.Values.Select(Math.Abs).Max());
        }

        if (points.Hits.Count == 0)
        {
            html.Element("p", "No rule fired for this lead.", ("class", "muted"));
            return;
        }

        html.Open("table", ("class", "hits")).Open("thead").Open("tr")
            .Element("th", "Rule").Element("th", "Model").Element("th", "Points", ("class", "num")).Element("th", "Why")
            .Close().Close().Open("tbody");
        foreach (var hit in points.Hits.OrderByDescending(h => Math.Abs(h.Points)))
        {
            html.Open("tr")
                .Open("td").Element("code", hit.Rule).Close()
                .Element("td", hit.Model)
                .Element("td", (hit.Points > 0 ? "+" : string.Empty) + DashboardLayout.Number(hit.Points), ("class", "num"))
                .Element("td", hit.Reason)
                .Close();
        }

        html.Close().Close();
    }

    private static void Reasons(HtmlWriter html, ModelView? model)
    {
        html.Element("h2", "Why the model scores it so");
        if (model is null || model.Reasons.Count == 0)
        {
            html.Element("p", "No model reasons: no conversion model is promoted.", ("class", "muted"));
            return;
        }

        html.Open("table", ("class", "reasons")).Open("thead").Open("tr")
            .Element("th", "Factor").Element("th", "Effect on reply probability (percentage points)", ("class", "num")).Element("th", "Compared with")
            .Close().Close().Open("tbody");
        foreach (var reason in model.Reasons.OrderByDescending(r => Math.Abs(r.Points)).Take(MaxReasons))
        {
            html.Open("tr")
                .Element("td", reason.Factor)
                .Element("td", string.Create(CultureInfo.InvariantCulture, $"{(reason.Points > 0 ? "+" : string.Empty)}{reason.Points:0.0}"), ("class", "num"))
                .Element("td", reason.ComparedWith)
                .Close();
        }

        html.Close().Close();
    }

    private static void Sequence(HtmlWriter html, IReadOnlyList<RecommendedStep> steps)
    {
        html.Element("h2", "Recommended message sequence");
        if (steps.Count == 0)
        {
            html.Element("p", "The lead's campaign has no messages to send.", ("class", "muted"));
            return;
        }

        var modelled = steps.Any(s => s.PredictedReplyProbability is not null);
        html.Element("p", modelled
            ? "From the promoted sequence model: the message to send at each step, with the predicted reply probability at that step and by then."
            : "No sequence model is promoted: the campaign's own sequence.", ("class", "muted"));
        html.Open("ol", ("class", "sequence"), ("start", "0"));
        foreach (var step in steps)
        {
            html.Open("li", ("data-message-id", step.MessageId))
                .Element("strong", step.Order == 0 ? "Invite" : string.Create(CultureInfo.InvariantCulture, $"Follow-up {step.Order}"))
                .Text(" · " + (step.Name ?? step.MessageId));
            if (step.PredictedReplyProbability is { } hazard)
            {
                html.Text($" · reply probability {DashboardLayout.Percent(hazard)} at this step, {DashboardLayout.Percent(step.CumulativeProbability ?? 0)} by then");
            }

            if (step.Interval is { } interval)
            {
                html.Text($" · {DashboardLayout.Number(interval)} {(interval == 1 ? "day" : "days")} after the previous step");
            }

            html.Element("div", step.RenderedContent, ("class", "content")).Close();
        }

        html.Close();
    }

    private static void Timeline(HtmlWriter html, IReadOnlyList<EngagementEvent> events)
    {
        html.Element("h2", "Event timeline");
        if (events.Count == 0)
        {
            html.Element("p", "No engagement events for this lead.", ("class", "muted"));
            return;
        }

        if (events.Count > MaxEvents)
        {
            html.Element("p", string.Create(CultureInfo.InvariantCulture, $"The latest {MaxEvents} of {events.Count} events."), ("class", "muted"));
        }

        html.Open("table", ("class", "events")).Open("thead").Open("tr")
            .Element("th", "When (UTC)").Element("th", "Event").Element("th", "Page").Element("th", "Campaign")
            .Close().Close().Open("tbody");
        foreach (var engagement in events.OrderByDescending(e => e.OccurredAt).Take(MaxEvents))
        {
            // URLs from the data are shown as text, never as links: a javascript: URL must not become clickable.
            html.Open("tr")
                .Element("td", engagement.OccurredAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), ("class", "num"))
                .Element("td", engagement.Type)
                .Element("td", engagement.Url)
                .Element("td", engagement.Campaign)
                .Close();
        }

        html.Close().Close();
    }
}
