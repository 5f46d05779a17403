using System.Globalization;
using Leadwise.Core.Outreach;
using Leadwise.Data.Storage.LeadList;
using Leadwise.Server.Endpoints;
using Microsoft.AspNetCore.WebUtilities;

namespace Leadwise.Server.Dashboard;

/// <summary>
/// The dashboard's first page: the ranked lead list with its filters (the same query parameters as
/// <c>GET /api/leads</c>), a row per lead with its score, grade, point subtotals as small bars and model
/// probability, and links to the previous and next pages.
/// </summary>
internal static class LeadListHtml
{
    public static string Render(LeadListRequest request, IQueryCollection query, LeadListPage page, IReadOnlyList<Campaign> campaigns)
    {
        var html = DashboardLayout.Begin("Leads");
        html.Element("h1", "Leads, best first");
        Filters(html, query, campaigns);
        var pages = (page.Total + request.PageSize - 1) / request.PageSize;
        html.Element("p", string.Create(CultureInfo.InvariantCulture, $"{page.Total:N0} leads match · page {request.Page} of {Math.Max(pages, 1)} · ranked by {(request.Query.Basis == LeadListBasis.Points ? "point total" : "model score, or point total for leads without one")}"), ("class", "summary"));
        if (page.Leads.Count == 0)
        {
            html.Element("p", "No leads on this page. Loosen the filters or go back to the first page.", ("class", "muted"));
        }
        else
        {
            Table(html, page);
        }

        Pager(html, query, request.Page, pages);
        return DashboardLayout.End(html);
    }

    /// <summary>The list's answer to a bad filter: what is wrong with which parameter, and the form to fix it.</summary>
    public static string RenderProblems(IDictionary<string, string[]> errors, IQueryCollection query, IReadOnlyList<Campaign> campaigns)
    {
        var html = DashboardLayout.Begin("Leads");
        html.Element("h1", "Leads, best first");
        Filters(html, query, campaigns);
        html.Open("div", ("class", "problem"), ("role", "alert")).Element("strong", "These filters cannot be used:").Open("ul");
        foreach (var (parameter, messages) in errors)
        {
            foreach (var message in messages)
            {
                html.Open("li").Element("code", parameter).Text(": " + message).Close();
            }
        }

        html.Close().Close();
        return DashboardLayout.End(html);
    }

    private static void Filters(HtmlWriter html, IQueryCollection query, IReadOnlyList<Campaign> campaigns)
    {
        string? Value(string name) => query.TryGetValue(name, out var v) ? v.ToString() : null;
        html.Open("form", ("class", "filters"), ("method", "get"), ("action", "/"), ("aria-label", "Filter leads"));
        html.Open("label").Text("Search").Void("input", ("type", "search"), ("name", "q"), ("value", Value("q")), ("placeholder", "name, company, title")).Close();
        html.Open("label").Text("Campaign").Open("select", ("name", "campaign"));
        html.Element("option", "All campaigns", ("value", string.Empty));
        var selected = Value("campaign");
        foreach (var campaign in campaigns.OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase))
        {
            var id = campaign.Id.Value.ToString(CultureInfo.InvariantCulture);
            html.Element("option", $"{campaign.Name ?? "(no name)"} ({id})", ("value", id), ("selected", id == selected ? string.Empty : null));
        }

        html.Close().Close();
        html.Open("label").Text("Grade").Void("input", ("name", "grade"), ("value", Value("grade")), ("placeholder", "A,B")).Close();
        html.Open("label").Text("Min score").Void("input", ("type", "number"), ("step", "any"), ("name", "minScore"), ("value", Value("minScore"))).Close();
        html.Open("label").Text("Max score").Void("input", ("type", "number"), ("step", "any"), ("name", "maxScore"), ("value", Value("maxScore"))).Close();
        html.Open("label").Text("Sort").Open("select", ("name", "sort"));
        var sort = Value("sort") ?? "score";
        foreach (var (value, label) in new[] { ("score", "Score, highest first"), ("score:asc", "Score, lowest first"), ("points", "Points, highest first"), ("points:asc", "Points, lowest first") })
        {
            html.Element("option", label, ("value", value), ("selected", value == sort ? string.Empty : null));
        }

        html.Close().Close();
        html.Element("button", "Filter", ("type", "submit"));
        html.Element("a", "Clear", ("href", "/"));
        html.Close();
    }

    private static void Table(HtmlWriter html, LeadListPage page)
    {
        var scale = page.Leads.SelectMany(l => l.Points?.Subtotals.Values ?? []).Select(Math.Abs).DefaultIfEmpty(1).Max();
        html.Open("table", ("class", "leads")).Open("thead").Open("tr");
        html.Element("th", "#", ("class", "num"))
            .Element("th", "Lead")
            .Element("th", "Company")
            .Element("th", "Campaign")
            .Element("th", "Score", ("class", "num"))
            .Element("th", "Grade")
            .Element("th", "Points", ("class", "num"))
            .Element("th", "Points by model")
            .Element("th", "Model", ("class", "num"));
        html.Close().Close().Open("tbody");
        var rank = page.Offset;
        foreach (var lead in page.Leads)
        {
            rank++;
            html.Open("tr", ("data-lead-id", lead.Id.Value.ToString(CultureInfo.InvariantCulture)));
            html.Element("td", rank.ToString(CultureInfo.InvariantCulture), ("class", "num"));
            html.Open("td")
                .Element("a", DisplayName(lead), ("href", string.Create(CultureInfo.InvariantCulture, $"/leads/{lead.Id.Value}")))
                .Element("span", lead.Title, ("class", "sub"))
                .Close();
            html.Element("td", lead.CompanyName);
            html.Open("td").Element("a", lead.CampaignName ?? lead.CampaignId.Value.ToString(CultureInfo.InvariantCulture), ("href", "/campaigns/" + lead.CampaignId.Value.ToString(CultureInfo.InvariantCulture))).Close();
            html.Open("td", ("class", "num"))
                .Text(lead.RankedScore is { } score ? DashboardLayout.Number(score) : "–")
                .Element("span", lead.Model is not null ? "model" : lead.Points is not null ? "points" : "not scored", ("class", "sub"))
                .Close();
            html.Open("td");
            DashboardLayout.Grade(html, lead.RankedGrade);
            html.Close();
            html.Open("td", ("class", "num")).Text(lead.Points is { } p ? DashboardLayout.Number(p.Total) : "–");
            if (lead.Points is { } points)
            {
                html.Element("span", "grade " + points.Grade, ("class", "sub"));
            }

            html.Close().Open("td");
            if (lead.Points is { } withSubtotals)
            {
                DashboardLayout.SubtotalBars(html, withSubtotals.Subtotals, scale);
            }

            html.Close();
            html.Element("td", lead.Model is { } model ? DashboardLayout.Percent(model.Probability) : "–", ("class", "num"), ("title", lead.Model is { } m ? $"model version {m.ModelVersion}, score {m.Score}" : null));
            html.Close();
        }

        html.Close().Close();
    }

    private static void Pager(HtmlWriter html, IQueryCollection query, int page, long pages)
    {
        html.Open("nav", ("class", "pager"), ("aria-label", "Pages"));
        if (page > 1)
        {
            html.Element("a", "← Previous page", ("href", PageLink(query, page - 1)), ("rel", "prev"));
        }

        if (page < pages)
        {
            html.Element("a", "Next page →", ("href", PageLink(query, page + 1)), ("rel", "next"));
        }

        html.Close();
    }

    /// <summary>The same filters on another page; empty form fields are dropped so links stay short.</summary>
    private static string PageLink(IQueryCollection query, int page)
    {
        var parameters = query
            .Where(p => !string.Equals(p.Key, "page", StringComparison.OrdinalIgnoreCase))
            .SelectMany(p => p.Value.Where(v => !string.IsNullOrEmpty(v)).Select(v => KeyValuePair.Create(p.Key, v)))
            .Append(KeyValuePair.Create("page", (string?)page.ToString(CultureInfo.InvariantCulture)));
        return QueryHelpers.AddQueryString("/", parameters);
    }

    public static string DisplayName(LeadListItem lead) =>
        !string.IsNullOrWhiteSpace(lead.Name) ? lead.Name
        : string.Join(' ', new[] { lead.FirstName, lead.LastName }.Where(n => !string.IsNullOrWhiteSpace(n))) is { Length: > 0 } joined ? joined
        : string.Create(CultureInfo.InvariantCulture, $"Lead {lead.Id.Value}");
}
