using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Leadwise.Core.Engagement;
using Leadwise.Core.Outreach;
using Leadwise.Data.Sqlite;

namespace Leadwise.Server.Tests;

/// <summary>
/// Keys bound to an account over real HTTP, on a generated store of this class's own with several accounts: a bound key
/// reads, recommends for and posts events to its account's leads only, lists only its campaigns, and another account's
/// id gets the very answer a missing id gets; an install-wide key and open reads see every account. What each account
/// holds is read from the store itself.
/// </summary>
public sealed partial class AccountScopeTests(ServerStore server) : IClassFixture<ServerStore>
{
    private const long MissingLead = 987_654_321;

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    /// <summary>The known lead's account with its leads and campaigns (lead counts), and a lead and a campaign of another account.</summary>
    private async Task<Accounts> AccountsAsync()
    {
        await using var store = await SqliteLeadwiseStore.OpenAsync(server.Database, CancellationToken.None);
        var campaigns = await store.ReadCampaignsAsync(CancellationToken.None).ToListAsync();
        var leads = await store.ReadLeadsAsync(CancellationToken.None).ToListAsync();
        var owner = campaigns.Single(c => c.Id.Value == server.KnownCampaignId).UserId;
        var ownCampaigns = campaigns.Where(c => c.UserId == owner).Select(c => c.Id).ToHashSet();
        var ownLeads = leads.Where(l => ownCampaigns.Contains(l.CampaignId)).ToList();
        var otherLead = leads.First(l => !ownCampaigns.Contains(l.CampaignId));
        return new Accounts(
            owner.Value,
            ownLeads.Select(l => l.Id.Value).ToHashSet(),
            ownCampaigns.ToDictionary(c => c.Value, c => ownLeads.Count(l => l.CampaignId == c)),
            otherLead.Id.Value,
            otherLead.CampaignId.Value,
            leads.Count,
            campaigns.Count);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, string? secret, HttpContent? content = null) =>
        await server.WithModel.CreateClient().SendAsync(ApiKeys.Request(method, url, secret, content: content));

    /// <summary>
    /// An answer's body with the id it names replaced and without the request's own trace id, so the answers for two ids
    /// can be compared whole.
    /// </summary>
    private static async Task<string> WithoutIdAsync(HttpResponseMessage response, long id)
    {
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        body.Remove("traceId");
        return body.ToJsonString().Replace(id.ToString(System.Globalization.CultureInfo.InvariantCulture), "<id>", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_LetABoundKeyReadItsOwnLead_AndAnswerAnotherAccountsLeadExactlyAsAMissingOne()
    {
        // Given
        var accounts = await AccountsAsync();
        var (_, bound) = await ApiKeys.CreateAsync(server.Database, "crm of one account", accounts.Owner);
        var (_, admin) = await ApiKeys.CreateAsync(server.Database, "admin");

        // When
        var own = await SendAsync(HttpMethod.Get, $"/api/leads/{server.KnownLeadId}", bound);
        var other = await SendAsync(HttpMethod.Get, $"/api/leads/{accounts.OtherLead}", bound);
        var missing = await SendAsync(HttpMethod.Get, $"/api/leads/{MissingLead}", bound);
        var byAdmin = await SendAsync(HttpMethod.Get, $"/api/leads/{accounts.OtherLead}", admin);
        var openRead = await SendAsync(HttpMethod.Get, $"/api/leads/{accounts.OtherLead}", secret: null);

        // Then
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(server.KnownLeadId, (await JsonAsync(own)).GetProperty("id").GetInt64());
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (other.StatusCode, missing.StatusCode));
        Assert.Equal(await WithoutIdAsync(missing, MissingLead), await WithoutIdAsync(other, accounts.OtherLead));
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (byAdmin.StatusCode, openRead.StatusCode));
    }

    [Fact]
    public async Task Should_RecommendOnlyForTheBoundAccountsLeads_EvenWhenTheOtherLeadsAnswerIsRemembered()
    {
        // Given: the other account's lead was just recommended for without a key, so its answer is remembered
        var accounts = await AccountsAsync();
        var (_, bound) = await ApiKeys.CreateAsync(server.Database, "crm", accounts.Owner);
        var anonymous = await SendAsync(HttpMethod.Get, $"/recommend?leadId={accounts.OtherLead}", secret: null);

        // When
        var other = await SendAsync(HttpMethod.Get, $"/recommend?leadId={accounts.OtherLead}", bound);
        var missing = await SendAsync(HttpMethod.Get, $"/recommend?leadId={MissingLead}", bound);
        var own = await SendAsync(HttpMethod.Get, $"/recommend?leadId={server.KnownLeadId}", bound);
        var ownAgain = await SendAsync(HttpMethod.Get, $"/recommend?leadId={server.KnownLeadId}", bound);

        // Then
        Assert.Equal(HttpStatusCode.OK, anonymous.StatusCode);
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (other.StatusCode, missing.StatusCode));
        Assert.Equal(await WithoutIdAsync(missing, MissingLead), await WithoutIdAsync(other, accounts.OtherLead));
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (own.StatusCode, ownAgain.StatusCode));
        var steps = (await JsonAsync(own)).GetProperty("data").EnumerateArray().ToList();
        Assert.NotEmpty(steps);
        Assert.All(steps, step => Assert.Contains(step.GetProperty("campaignId").GetInt64(), accounts.Campaigns.Keys));
        Assert.Equal(await own.Content.ReadAsStringAsync(), await ownAgain.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Should_ListOnlyTheBoundAccountsLeads_WhileAnInstallWideKeyListsEveryLead()
    {
        // Given
        var accounts = await AccountsAsync();
        var (_, bound) = await ApiKeys.CreateAsync(server.Database, "crm", accounts.Owner);
        var (_, admin) = await ApiKeys.CreateAsync(server.Database, "admin");

        // When: every page of the bound key's list
        var listed = new List<long>();
        long total;
        var page = 1;
        do
        {
            var body = await JsonAsync(await SendAsync(HttpMethod.Get, $"/api/leads?pageSize=200&page={page++}", bound));
            total = body.GetProperty("total").GetInt64();
            listed.AddRange(body.GetProperty("leads").EnumerateArray().Select(l => l.GetProperty("id").GetInt64()));
        }
        while (listed.Count < total);

        var ofOtherCampaign = await JsonAsync(await SendAsync(HttpMethod.Get, $"/api/leads?campaign={accounts.OtherCampaign}", bound));
        var everyLead = await JsonAsync(await SendAsync(HttpMethod.Get, "/api/leads", admin));

        // Then
        Assert.Equal(accounts.Leads.Order(), listed.Order());
        Assert.Equal(0, ofOtherCampaign.GetProperty("total").GetInt64());
        Assert.Equal(accounts.AllLeads, everyLead.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Should_ListOnlyTheBoundAccountsCampaigns_WithTheirLeadCounts_AndAnswerAnotherAccountsCampaignAsAMissingOne()
    {
        // Given
        var accounts = await AccountsAsync();
        var (_, bound) = await ApiKeys.CreateAsync(server.Database, "crm", accounts.Owner);
        var (_, admin) = await ApiKeys.CreateAsync(server.Database, "admin");

        // When
        var list = (await JsonAsync(await SendAsync(HttpMethod.Get, "/api/campaigns", bound))).EnumerateArray().ToList();
        var all = (await JsonAsync(await SendAsync(HttpMethod.Get, "/api/campaigns", admin))).EnumerateArray().ToList();
        var own = await SendAsync(HttpMethod.Get, $"/api/campaigns/{server.KnownCampaignId}", bound);
        var other = await SendAsync(HttpMethod.Get, $"/api/campaigns/{accounts.OtherCampaign}", bound);
        var missing = await SendAsync(HttpMethod.Get, $"/api/campaigns/{MissingLead}", bound);

        // Then
        Assert.Equal(accounts.Campaigns.OrderBy(c => c.Key), list.Select(c => KeyValuePair.Create(c.GetProperty("id").GetInt64(), c.GetProperty("leads").GetInt32())));
        Assert.All(list, c => Assert.Equal(accounts.Owner, c.GetProperty("userId").GetInt64()));
        Assert.Equal(accounts.AllCampaigns, all.Count);
        Assert.Equal(accounts.AllLeads, all.Sum(c => c.GetProperty("leads").GetInt32()));
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (other.StatusCode, missing.StatusCode));
        Assert.Equal(await WithoutIdAsync(missing, MissingLead), await WithoutIdAsync(other, accounts.OtherCampaign));
    }

    [Fact]
    public async Task Should_RefuseEventsForAnotherAccountsLead_AsForAMissingLead_AndStoreNothingOfTheBatch()
    {
        // Given: a batch with the account's own lead first and another account's lead second
        var accounts = await AccountsAsync();
        var (_, bound) = await ApiKeys.CreateAsync(server.Database, "crm", accounts.Owner);
        var (_, admin) = await ApiKeys.CreateAsync(server.Database, "admin");
        var ownBefore = await CountEventsAsync(server.KnownLeadId);
        var otherBefore = await CountEventsAsync(accounts.OtherLead);
        var now = DateTimeOffset.UtcNow;
        object Event(long leadId, string clientId) => new { leadId, type = EventTypes.PricingPageView, occurredAt = now.AddMinutes(-1), clientEventId = clientId };

        // When
        var mixed = await SendAsync(HttpMethod.Post, "/api/events", bound, JsonContent.Create(new[] { Event(server.KnownLeadId, "scope-own"), Event(accounts.OtherLead, "scope-other") }));
        var missing = await SendAsync(HttpMethod.Post, "/api/events", bound, JsonContent.Create(new[] { Event(server.KnownLeadId, "scope-own"), Event(MissingLead, "scope-other") }));
        var ownOnly = await SendAsync(HttpMethod.Post, "/api/events", bound, JsonContent.Create(Event(server.KnownLeadId, "scope-own-only")));
        var byAdmin = await SendAsync(HttpMethod.Post, "/api/events", admin, JsonContent.Create(Event(accounts.OtherLead, "scope-admin")));

        // Then
        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (mixed.StatusCode, missing.StatusCode));
        var errors = (await JsonAsync(mixed)).GetProperty("errors");
        Assert.Equal(["[1].leadId"], errors.EnumerateObject().Select(e => e.Name));
        Assert.Equal($"There is no lead {accounts.OtherLead}.", errors.GetProperty("[1].leadId")[0].GetString());
        Assert.Equal(await WithoutIdAsync(missing, MissingLead), await WithoutIdAsync(mixed, accounts.OtherLead));
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (ownOnly.StatusCode, byAdmin.StatusCode));
        Assert.Equal(ownBefore + 1, await CountEventsAsync(server.KnownLeadId));
        Assert.Equal(otherBefore + 1, await CountEventsAsync(accounts.OtherLead));
    }

    [Fact]
    public async Task Should_ScoreAPostedLeadOnlyInTheBoundAccountsCampaigns()
    {
        var accounts = await AccountsAsync();
        var (_, bound) = await ApiKeys.CreateAsync(server.Database, "crm", accounts.Owner);

        var other = await SendAsync(HttpMethod.Post, "/api/score", bound, JsonContent.Create(new { firstName = "Ada", title = "CTO", campaignId = accounts.OtherCampaign }));
        var missing = await SendAsync(HttpMethod.Post, "/api/score", bound, JsonContent.Create(new { firstName = "Ada", title = "CTO", campaignId = MissingLead }));
        var own = await SendAsync(HttpMethod.Post, "/api/score", bound, JsonContent.Create(new { firstName = "Ada", title = "CTO", campaignId = server.KnownCampaignId }));

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (other.StatusCode, missing.StatusCode));
        Assert.Equal(await WithoutIdAsync(missing, MissingLead), await WithoutIdAsync(other, accounts.OtherCampaign));
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    [Fact]
    public async Task Should_LetABoundKeyReadTheInstallWideModels_ButRefuseEndpointsThatActOnTheWholeInstall()
    {
        // Given
        var accounts = await AccountsAsync();
        var (_, bound) = await ApiKeys.CreateAsync(server.Database, "crm", accounts.Owner);

        // When
        var models = await SendAsync(HttpMethod.Get, "/api/models", bound);
        var model = await SendAsync(HttpMethod.Get, "/api/models/1", bound);
        var promote = await SendAsync(HttpMethod.Post, "/api/models/1/promote", bound);
        var import = await SendAsync(HttpMethod.Post, "/api/import", bound, new MultipartFormDataContent { { new StringContent("id"), "Users.csv", "Users.csv" } });
        var job = await SendAsync(HttpMethod.Get, "/api/jobs/any", bound);
        var document = await SendAsync(HttpMethod.Get, "/openapi/v1.json", bound);

        // Then
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (models.StatusCode, model.StatusCode, document.StatusCode));
        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (promote.StatusCode, import.StatusCode, job.StatusCode));
        var problem = await JsonAsync(promote);
        Assert.Equal("Forbidden", problem.GetProperty("title").GetString());
        Assert.Contains($"bound to account {accounts.Owner}", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("install-wide key", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_ShowOnlyTheBoundAccountOnTheDashboard()
    {
        // Given
        var accounts = await AccountsAsync();
        var (_, bound) = await ApiKeys.CreateAsync(server.Database, "crm", accounts.Owner);

        // When
        var list = await (await SendAsync(HttpMethod.Get, "/?pageSize=200", bound)).Content.ReadAsStringAsync();
        var otherCampaignsLeads = await (await SendAsync(HttpMethod.Get, $"/?campaign={accounts.OtherCampaign}", bound)).Content.ReadAsStringAsync();
        var everyone = await (await SendAsync(HttpMethod.Get, $"/?campaign={accounts.OtherCampaign}", secret: null)).Content.ReadAsStringAsync();
        var otherLead = await SendAsync(HttpMethod.Get, $"/leads/{accounts.OtherLead}", bound);
        var ownLead = await SendAsync(HttpMethod.Get, $"/leads/{server.KnownLeadId}", bound);
        var otherCampaign = await SendAsync(HttpMethod.Get, $"/campaigns/{accounts.OtherCampaign}", bound);

        // Then: every lead and campaign the list links to is the account's own; without a key other accounts' show
        var linkedLeads = LeadLink().Matches(list).Select(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var linkedCampaigns = CampaignLink().Matches(list).Select(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.NotEmpty(linkedLeads);
        Assert.All(linkedLeads, id => Assert.Contains(id, accounts.Leads));
        Assert.All(linkedCampaigns, id => Assert.Contains(id, accounts.Campaigns.Keys));
        Assert.Equal(accounts.Campaigns.Keys.Order(), CampaignOption().Matches(list).Select(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).Order());
        Assert.Empty(LeadLink().Matches(otherCampaignsLeads));
        Assert.Contains(LeadLink().Matches(everyone), m => !accounts.Leads.Contains(long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.OK, HttpStatusCode.NotFound), (otherLead.StatusCode, ownLead.StatusCode, otherCampaign.StatusCode));
    }

    private async Task<int> CountEventsAsync(long leadId)
    {
        await using var store = await SqliteLeadwiseStore.OpenAsync(server.Database, CancellationToken.None);
        return await store.ReadEventsOfLeadAsync(new LeadId(leadId), CancellationToken.None).CountAsync();
    }

    [GeneratedRegex("href=\"/leads/(\\d+)\"")]
    private static partial Regex LeadLink();

    [GeneratedRegex("href=\"/campaigns/(\\d+)\"")]
    private static partial Regex CampaignLink();

    [GeneratedRegex("<option value=\"(\\d+)\"")]
    private static partial Regex CampaignOption();

    /// <summary>One account's lead ids and campaigns (id → leads), a lead and a campaign of another account, and the store's totals.</summary>
    private sealed record Accounts(long Owner, IReadOnlySet<long> Leads, IReadOnlyDictionary<long, int> Campaigns, long OtherLead, long OtherCampaign, int AllLeads, int AllCampaigns);
}
