using System.Net;
using System.Text.RegularExpressions;

namespace Leadwise.Server.Tests;

/// <summary>The dashboard's server-rendered pages over a scored store: status, content, escaping, local assets only.</summary>
[Collection(ScoredStoreCollection.Name)]
public sealed partial class DashboardTests(ScoredStore store)
{
    private async Task<(HttpStatusCode Status, string Html, HttpResponseMessage Response)> GetAsync(string url)
    {
        var response = await store.Host.CreateClient().GetAsync(url);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }

    private static List<long> RowIds(string html) => [.. RowId().Matches(html).Select(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))];

    [Fact]
    public async Task CampaignPage_ShowsTheFunnelPerStep_AndTheCurrentAndRecommendedSequence()
    {
        // Given the campaign with most leads in the scored store (both models promoted)
        var campaign = store.Leads.GroupBy(l => l.Lead.CampaignId).OrderByDescending(g => g.Count()).First();
        var leads = campaign.Select(l => l.Lead).ToList();

        // When
        var (status, html, _) = await GetAsync($"/campaigns/{campaign.Key.Value}");
        var (missing, notFound, _) = await GetAsync("/campaigns/12345");
        var (_, list, _) = await GetAsync("/");

        // Then: each step's sends and replies are those of the campaign's leads
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Funnel per step", html, StringComparison.Ordinal);
        for (var step = 0; step < leads.Max(l => l.StepsSent); step++)
        {
            var sent = leads.Count(l => l.StepsSent > step).ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
            var replied = leads.Count(l => l.ReplyStep == step).ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
            Assert.Matches($"<tr data-step=\"{step}\"><td>[^<]+</td><td>{sent}</td><td>{replied}</td>", html);
        }

        Assert.Contains("Current and recommended sequence", html, StringComparison.Ordinal);
        Assert.Matches(@"Expected replies over [0-9,]+ leads[^:]*: \d+\.\d with the current sequence, \d+\.\d with the recommended one", html);
        Assert.Equal(HttpStatusCode.NotFound, missing);
        Assert.Contains("There is no campaign 12345", notFound, StringComparison.Ordinal);
        Assert.Contains("href=\"/campaigns/", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LeadList_ShowsTheFirst50RankedLeads_WithGradesBarsAndLinks()
    {
        var (status, html, response) = await GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(store.Ranked().Take(50).Select(l => l.Lead.Id.Value), RowIds(html));
        Assert.Contains(WebUtility.HtmlEncode($"{store.Leads.Count:N0} leads match · page 1 of {(store.Leads.Count + 49) / 50}"), html, StringComparison.Ordinal);
        var top = store.Ranked().First();
        Assert.Contains($"href=\"/leads/{top.Lead.Id.Value}\"", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"grade\" title=\"grade ", html, StringComparison.Ordinal);
        Assert.Contains("<ul class=\"bars\">", html, StringComparison.Ordinal);
        Assert.Contains("rel=\"next\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("rel=\"prev\"", html, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LeadList_FiltersLikeTheApi_AndPagingLinksKeepTheFilters()
    {
        var campaign = store.Leads.GroupBy(l => l.Lead.CampaignId.Value).OrderByDescending(g => g.Count()).First().Key;

        var (status, html, _) = await GetAsync($"/?campaign={campaign}&grade=&minScore=&q=&sort=points&pageSize=10");

        Assert.Equal(HttpStatusCode.OK, status);
        var expected = store.Leads.Where(l => l.Lead.CampaignId.Value == campaign && l.Points is not null).OrderByDescending(l => l.Points!.Total).ThenBy(l => l.Lead.Id.Value);
        Assert.Equal(expected.Take(10).Select(l => l.Lead.Id.Value), RowIds(html));
        Assert.Contains($"<option value=\"{campaign}\" selected>", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/?campaign={campaign}&amp;sort=points&amp;pageSize=10&amp;page=2\" rel=\"next\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LeadList_WithABadFilter_Is400_NamingTheParameter_AndKeepsTheForm()
    {
        var (status, html, _) = await GetAsync("/?pageSize=500&q=%3Cscript%3E");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("<code>pageSize</code>: pageSize must be a whole number from 1 to 200; got &#39;500&#39;.", html, StringComparison.Ordinal);
        Assert.Contains("value=\"&lt;script&gt;\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task DataIsShownAsText_NeverAsMarkup_OnTheListAndTheLeadPage()
    {
        var (_, list, _) = await GetAsync("/?q=hara");
        var (status, page, _) = await GetAsync($"/leads/{store.HostileLeadId}");

        Assert.Equal(HttpStatusCode.OK, status);
        foreach (var html in new[] { list, page })
        {
            Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; O&#39;Hara", html, StringComparison.Ordinal);
            Assert.Contains("&lt;b&gt;Bold &amp; &quot;Quoted&quot;&lt;/b&gt; GmbH", html, StringComparison.Ordinal);
            Assert.Contains("&lt;img src=x onerror=alert(1)&gt; Head of Sales", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task LeadPage_ShowsScoresBreakdownReasonsTheRecommendedSequenceAndTimeline()
    {
        var (lead, points, model) = store.Leads.First(l => l.Points?.Hits.Count > 0 && l.Model is not null && l.Lead.InviteSentAt is not null);
        var client = store.Host.CreateClient();

        var (status, html, _) = await GetAsync($"/leads/{lead.Id.Value}");
        var recommend = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync($"/recommend?leadId={lead.Id.Value}")).RootElement;

        Assert.Equal(HttpStatusCode.OK, status);
        foreach (var heading in new[] { "Point breakdown", "Why the model scores it so", "Recommended message sequence", "Event timeline" })
        {
            Assert.Contains($"<h2>{heading}</h2>", html, StringComparison.Ordinal);
        }

        Assert.Contains("reply probability", html, StringComparison.Ordinal);
        // what the list ranks it by, beside the scores as of now
        Assert.Contains(
            WebUtility.HtmlEncode(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"The lead list ranks it by the stored scores: {points!.Total:0.#} points (grade {points.Grade}) as of {points.AsOf:yyyy-MM-dd HH:mm} UTC; model score {model!.Score} (grade {model.Grade}, version {model.ModelVersion})")),
            html,
            StringComparison.Ordinal);
        Assert.Contains("<table class=\"hits\">", html, StringComparison.Ordinal);
        Assert.Contains("<table class=\"reasons\">", html, StringComparison.Ordinal);
        // The page shows the very steps /recommend answers, rendered for the lead.
        var steps = recommend.GetProperty("data").EnumerateArray().ToList();
        Assert.NotEmpty(steps);
        foreach (var step in steps)
        {
            Assert.Contains($"data-message-id=\"{step.GetProperty("messageId").GetString()}\"", html, StringComparison.Ordinal);
            Assert.Contains(WebUtility.HtmlEncode(step.GetProperty("renderedContent").GetString()!), html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task LeadPage_ForAnUnknownLead_Is404()
    {
        var (status, html, _) = await GetAsync("/leads/999");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("There is no lead 999.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_UseOnlyTheLocalStylesheet_AndItIsServed()
    {
        var (_, list, _) = await GetAsync("/");
        var (_, page, _) = await GetAsync($"/leads/{store.Ranked().First().Lead.Id.Value}");
        var (status, css, response) = await GetAsync("/dashboard.css");

        foreach (var html in new[] { list, page })
        {
            var addresses = Address().Matches(html).Select(m => m.Groups[1].Value).ToList();
            Assert.NotEmpty(addresses);
            Assert.All(addresses, a => Assert.StartsWith("/", a, StringComparison.Ordinal));
            Assert.Contains("<link rel=\"stylesheet\" href=\"/dashboard.css\">", html, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(".grade", css, StringComparison.Ordinal);
    }

    [GeneratedRegex("<tr data-lead-id=\"(\\d+)\">")]
    private static partial Regex RowId();

    [GeneratedRegex("(?:href|src|action)=\"([^\"]*)\"")]
    private static partial Regex Address();
}
