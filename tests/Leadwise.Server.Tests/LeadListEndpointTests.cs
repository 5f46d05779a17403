using System.Net;
using System.Text.Json;

namespace Leadwise.Server.Tests;

/// <summary><c>GET /api/leads</c> over a scored store: every list is checked against the order and filters computed from the stored rows.</summary>
[Collection(ScoredStoreCollection.Name)]
public sealed class LeadListEndpointTests(ScoredStore store)
{
    private async Task<JsonElement> GetOkAsync(string url)
    {
        var response = await store.Host.CreateClient().GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    /// <summary>The lead at this 0-based place of the default list.</summary>
    private async Task<JsonElement> RowAtAsync(int index) =>
        (await GetOkAsync($"/api/leads?page={(index / 200) + 1}&pageSize=200")).GetProperty("leads")[index % 200];

    private static List<long> Ids(JsonElement body) => [.. body.GetProperty("leads").EnumerateArray().Select(l => l.GetProperty("id").GetInt64())];

    [Fact]
    public async Task Default_IsTheFirst50ByModelScoreElsePoints_WithTheTotal()
    {
        var body = await GetOkAsync("/api/leads");

        Assert.Equal(store.Leads.Count, body.GetProperty("total").GetInt64());
        Assert.Equal((1, 50, "score"), (body.GetProperty("page").GetInt32(), body.GetProperty("pageSize").GetInt32(), body.GetProperty("sort").GetString()));
        Assert.Equal((store.Leads.Count + 49) / 50, body.GetProperty("pages").GetInt64());
        Assert.Equal(store.Ranked().Take(50).Select(l => l.Lead.Id.Value), Ids(body));
        // The first lead ranked by its model score, and the first ranked by points for want of one.
        var modelRanked = store.Ranked().Select((l, i) => (Lead: l, Index: i)).First(x => x.Lead.Model is not null);
        var modelRow = await RowAtAsync(modelRanked.Index);
        Assert.Equal(modelRanked.Lead.Model!.Score, modelRow.GetProperty("score").GetDouble());
        Assert.Equal(modelRanked.Lead.Model.Grade, modelRow.GetProperty("grade").GetString());
        Assert.Equal(modelRanked.Lead.Model.Probability, modelRow.GetProperty("model").GetProperty("probability").GetDouble());
        Assert.Equal(modelRanked.Lead.Points!.Total, modelRow.GetProperty("points").GetProperty("total").GetDouble());
        Assert.Equal(
            modelRanked.Lead.Points.Subtotals.OrderBy(s => s.Key).Select(s => (s.Key.ToString(), s.Value)),
            modelRow.GetProperty("points").GetProperty("subtotals").EnumerateObject().Select(p => (p.Name, p.Value.GetDouble())));
        var pointRanked = store.Ranked().Select((l, i) => (Lead: l, Index: i)).First(x => x.Lead.Model is null && x.Lead.Points is not null);
        var pointRow = await RowAtAsync(pointRanked.Index);
        Assert.Equal(JsonValueKind.Null, pointRow.GetProperty("model").ValueKind);
        Assert.Equal((pointRanked.Lead.Points!.Total, pointRanked.Lead.Points.Grade), (pointRow.GetProperty("score").GetDouble(), pointRow.GetProperty("grade").GetString()));
    }

    [Fact]
    public async Task SortByPoints_AndAscending_FollowThePointTotals()
    {
        var byPoints = await GetOkAsync("/api/leads?sort=points&pageSize=200");
        var ascending = await GetOkAsync("/api/leads?sort=points:asc&pageSize=30");

        var expected = store.Leads.Where(l => l.Points is not null).OrderByDescending(l => l.Points!.Total).ThenBy(l => l.Lead.Id.Value).Select(l => l.Lead.Id.Value);
        Assert.Equal(expected.Take(200), Ids(byPoints));
        var expectedAscending = store.Leads.Where(l => l.Points is not null).OrderBy(l => l.Points!.Total).ThenBy(l => l.Lead.Id.Value).Select(l => l.Lead.Id.Value);
        Assert.Equal(expectedAscending.Take(30), Ids(ascending));
        Assert.Equal("points:asc", ascending.GetProperty("sort").GetString());
    }

    [Fact]
    public async Task Filters_CampaignGradeAndRange_MatchTheStoredRows()
    {
        var campaign = store.Leads.GroupBy(l => l.Lead.CampaignId.Value).OrderByDescending(g => g.Count()).First().Key;

        var ofCampaign = await GetOkAsync($"/api/leads?campaign={campaign}&pageSize=200");
        var gradedAorB = await GetOkAsync($"/api/leads?grade=A,B&campaign={campaign}&pageSize=200");
        var inRange = await GetOkAsync("/api/leads?sort=points&minScore=10&maxScore=30&pageSize=200");
        var typical = store.Leads.Where(l => l.Model is not null).Select(l => l.Model!).OrderBy(m => m.Score).ElementAt(store.Leads.Count / 3);
        var modelRange = await GetOkAsync($"/api/leads?minModelScore={typical.Score - 2}&maxModelScore={typical.Score + 2}&grade={typical.Grade}&grade=Z");

        var inCampaign = store.Ranked().Where(l => l.Lead.CampaignId.Value == campaign).ToList();
        Assert.Equal(inCampaign.Count, ofCampaign.GetProperty("total").GetInt64());
        Assert.Equal(inCampaign.Take(200).Select(l => l.Lead.Id.Value), Ids(ofCampaign));
        Assert.Equal(inCampaign.Where(l => (l.Model?.Grade ?? l.Points?.Grade) is "A" or "B").Take(200).Select(l => l.Lead.Id.Value), Ids(gradedAorB));
        Assert.Equal(store.Leads.Count(l => l.Points?.Total is >= 10 and <= 30), inRange.GetProperty("total").GetInt64());
        Assert.All(inRange.GetProperty("leads").EnumerateArray(), l => Assert.InRange(l.GetProperty("points").GetProperty("total").GetDouble(), 10, 30));
        Assert.Equal(store.Leads.Count(l => l.Model is { } m && m.Score >= typical.Score - 2 && m.Score <= typical.Score + 2 && m.Grade == typical.Grade), modelRange.GetProperty("total").GetInt64());
        Assert.True(modelRange.GetProperty("total").GetInt64() > 0, "the model-range filter should match some generated leads");
    }

    [Fact]
    public async Task Search_FindsWordsInNameCompanyAndTitle_AndReturnsDataAsItIs()
    {
        var hostile = await GetOkAsync("/api/leads?q=%3Cscript%3E%20hara");
        var byCompany = await GetOkAsync("/api/leads?q=bold%20gmbh");
        var known = store.Leads.First(l => l.Lead.LastName is { Length: > 3 }).Lead;
        var byLastName = await GetOkAsync($"/api/leads?q={Uri.EscapeDataString(known.LastName!.ToUpperInvariant())}&pageSize=200");

        Assert.Equal([store.HostileLeadId], Ids(hostile));
        Assert.Equal(ScoredStore.ScriptName, hostile.GetProperty("leads")[0].GetProperty("firstName").GetString());
        Assert.Equal([store.HostileLeadId], Ids(byCompany));
        Assert.Contains(known.Id.Value, Ids(byLastName));
    }

    [Fact]
    public async Task Paging_PageTwoContinuesWherePageOneStopped()
    {
        var twenty = await GetOkAsync("/api/leads?page=1&pageSize=20");
        var second = await GetOkAsync("/api/leads?page=2&pageSize=10");
        var last = await GetOkAsync($"/api/leads?page={(store.Leads.Count + 199) / 200}&pageSize=200");
        var beyond = await GetOkAsync("/api/leads?page=9999&pageSize=200");

        Assert.Equal(Ids(twenty).Skip(10), Ids(second));
        Assert.Equal(store.Leads.Count % 200 == 0 ? 200 : store.Leads.Count % 200, Ids(last).Count);
        Assert.Empty(Ids(beyond));
        Assert.Equal(store.Leads.Count, beyond.GetProperty("total").GetInt64());
    }

    [Theory]
    [InlineData("pageSize=201", "pageSize")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("page=0", "page")]
    [InlineData("page=10001", "page")]
    [InlineData("page=two", "page")]
    [InlineData("page=1&page=2", "page")]
    [InlineData("campaign=abc", "campaign")]
    [InlineData("campaign=-4", "campaign")]
    [InlineData("minScore=lots", "minScore")]
    [InlineData("maxScore=NaN", "maxScore")]
    [InlineData("minScore=5&maxScore=1", "minScore")]
    [InlineData("minModelScore=101", "minModelScore")]
    [InlineData("sort=name", "sort")]
    [InlineData("grade=%3Cb%3E", "grade")]
    [InlineData("minscor=3", "minscor")]
    public async Task ABadParameter_IsA400Problem_NamingIt(string query, string parameter)
    {
        var response = await store.Host.CreateClient().GetAsync("/api/leads?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Equal([parameter], errors.EnumerateObject().Select(e => e.Name));
    }

    [Fact]
    public async Task OpenApiDocument_ListsEveryParameterTheListTakes()
    {
        var document = await GetDocumentAsync();

        var parameters = document.GetProperty("paths").GetProperty("/api/leads").GetProperty("get").GetProperty("parameters").EnumerateArray().ToList();
        Assert.Equal(Endpoints.LeadListRequest.Known, parameters.Select(p => p.GetProperty("name").GetString()));
        Assert.All(parameters, p => Assert.Equal("query", p.GetProperty("in").GetString()));
    }

    private async Task<JsonElement> GetDocumentAsync() =>
        JsonDocument.Parse(await store.Host.CreateClient().GetStringAsync("/openapi/v1.json")).RootElement;

    [Fact]
    public async Task ATooLongSearch_IsA400Problem()
    {
        var response = await store.Host.CreateClient().GetAsync("/api/leads?q=" + new string('a', 201));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"q\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
