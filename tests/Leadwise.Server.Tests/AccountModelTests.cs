using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Leadwise.Core.Models;
using Leadwise.Core.Outreach;
using Leadwise.Data.Postgres;
using Leadwise.Learning.Registry;
using Leadwise.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Leadwise.Server.Tests;

/// <summary>
/// Per-account models over real HTTP, on a copy of the generated store: an account with a promoted conversion model of
/// its own (<c>leadwise train --account</c>) has its leads scored with it, every other account with the install-wide one;
/// promoting it leaves the install-wide model as it was; a key bound to another account does not see it.
/// </summary>
public sealed class AccountModelTests(ServerStore generated) : IClassFixture<ServerStore>, IDisposable
{
    private const int MissingVersion = 999;
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Should_ScoreAnAccountsLeadsWithItsOwnPromotedModel_AndEveryOtherAccountsWithTheInstallWideOne()
    {
        // Given: a copy of the store, and version 1's model saved again as the known lead's account's own and promoted for it
        var (database, owner, otherLead, own) = await StoreWithOwnersModelAsync();
        await using var host = Host(database);
        var client = host.CreateClient();
        var (_, boundToOther) = await ApiKeys.CreateAsync(database, "another account's crm", (await OwnerOfAsync(database, otherLead)).Value);

        // When
        var ownLead = await JsonAsync(await client.GetAsync($"/api/leads/{generated.KnownLeadId}"));
        var othersLead = await JsonAsync(await client.GetAsync($"/api/leads/{otherLead}"));
        var ready = await JsonAsync(await client.GetAsync("/health/ready"));
        var models = await JsonAsync(await client.GetAsync("/api/models"));
        var seenByOther = await client.SendAsync(ApiKeys.Request(HttpMethod.Get, $"/api/models/{own}", boundToOther));
        var missingForOther = await client.SendAsync(ApiKeys.Request(HttpMethod.Get, $"/api/models/{MissingVersion}", boundToOther));
        var listedForOther = await JsonAsync(await client.SendAsync(ApiKeys.Request(HttpMethod.Get, "/api/models", boundToOther)));

        // Then: the account's lead is scored by its own model, another account's by the install-wide one, which stays promoted
        Assert.Equal(own, ownLead.GetProperty("model").GetProperty("version").GetInt32());
        Assert.Equal(1, othersLead.GetProperty("model").GetProperty("version").GetInt32());
        Assert.Equal(1, ready.GetProperty("modelVersion").GetInt32());
        var listed = models.EnumerateArray().ToDictionary(m => m.GetProperty("version").GetInt32());
        Assert.True(listed[own].GetProperty("promoted").GetBoolean());
        Assert.Equal(owner.Value, listed[own].GetProperty("account").GetInt64());
        Assert.True(listed[1].GetProperty("promoted").GetBoolean());
        Assert.Equal(JsonValueKind.Null, listed[1].GetProperty("account").ValueKind);

        // and a key bound to another account gets the answer of a missing version, and does not list it
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (seenByOther.StatusCode, missingForOther.StatusCode));
        Assert.Equal(await WithoutIdAsync(missingForOther, MissingVersion), await WithoutIdAsync(seenByOther, own));
        Assert.DoesNotContain(listedForOther.EnumerateArray(), m => m.GetProperty("version").GetInt32() == own);
        Assert.Contains(listedForOther.EnumerateArray(), m => m.GetProperty("version").GetInt32() == 1);
    }

    [Fact]
    public async Task Should_ScoreAPostedLeadWithTheModelOfTheAccountAKeyIsBoundTo_AndShowEachAccountsPromotionOnTheModelsPage()
    {
        // Given: the known lead's account with its own promoted model, a key bound to it, one bound to another account,
        // and an install-wide key
        var (database, owner, otherLead, own) = await StoreWithOwnersModelAsync();
        await using var host = Host(database);
        var client = host.CreateClient();
        var (_, boundToOwner) = await ApiKeys.CreateAsync(database, "the owner's form", owner.Value);
        var (_, boundToOther) = await ApiKeys.CreateAsync(database, "another account's form", (await OwnerOfAsync(database, otherLead)).Value);
        var (_, installWide) = await ApiKeys.CreateAsync(database, "the install's form");
        const string Lead = """{"firstName": "Ada", "lastName": "Example", "title": "Head of Sales", "country": "DE"}""";

        // When: the same lead is posted without a campaign through each key
        async Task<int> VersionAsync(string secret)
        {
            var response = await client.SendAsync(ApiKeys.Request(HttpMethod.Post, "/api/score", secret, content: new StringContent(Lead, System.Text.Encoding.UTF8, "application/json")));
            return (await JsonAsync(response)).GetProperty("model").GetProperty("version").GetInt32();
        }

        var (byOwner, byOther, byInstall) = (await VersionAsync(boundToOwner), await VersionAsync(boundToOther), await VersionAsync(installWide));
        var page = await client.GetStringAsync("/models");

        // Then: the owner's key is scored with the owner's own model; another account's key and an install-wide key (which
        // names no account) with the install-wide one
        Assert.Equal((own, 1, 1), (byOwner, byOther, byInstall));

        // and the models page says which account each promoted version serves
        var ownRow = Regex.Match(page, $@"<tr data-version=""{own}"">.*?</tr>", RegexOptions.Singleline).Value;
        var firstRow = Regex.Match(page, @"<tr data-version=""1"">.*?</tr>", RegexOptions.Singleline).Value;
        Assert.Contains($"<td>{owner.Value}</td>", ownRow, StringComparison.Ordinal);
        Assert.Contains($"<td>promoted for account {owner.Value}</td>", ownRow, StringComparison.Ordinal);
        Assert.Contains("<td>all (install-wide)</td>", firstRow, StringComparison.Ordinal);
        Assert.Contains("<td>promoted</td>", firstRow, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_ReportOnHealthReadyTheModelServedToTheAccountAKeyIsBoundTo()
    {
        // Given: the known lead's account with its own promoted model, keys bound to it and to another account, and an
        // install-wide key
        var (database, owner, otherLead, _) = await StoreWithOwnersModelAsync();
        var other = await OwnerOfAsync(database, otherLead);
        await using var host = Host(database);
        var client = host.CreateClient();
        var (_, boundToOwner) = await ApiKeys.CreateAsync(database, "the owner's probe", owner.Value);
        var (_, boundToOther) = await ApiKeys.CreateAsync(database, "another account's probe", other.Value);
        var (_, installWide) = await ApiKeys.CreateAsync(database, "the install's probe");

        // When
        async Task<JsonElement> ReadyAsync(string? secret) =>
            await JsonAsync(await client.SendAsync(ApiKeys.Request(HttpMethod.Get, "/health/ready", secret)));
        var (byOwner, byOther, byInstall, anonymous) = (await ReadyAsync(boundToOwner), await ReadyAsync(boundToOther), await ReadyAsync(installWide), await ReadyAsync(null));

        // Then: each reports the version the registry serves its account (the owner's own, the other's the install-wide one)
        // and names the account; an install-wide key and a probe without a key get the install-wide version and no account
        await using var store = await StoreFactory.OpenAsync(database, mustExist: true, CancellationToken.None);
        async Task<int?> ServedAsync(UserId? account) => await new ConversionModelRegistry(store, TimeProvider.System, account).ServedVersionAsync(CancellationToken.None);
        var (ownersVersion, othersVersion, installVersion) = (await ServedAsync(owner), await ServedAsync(other), await ServedAsync(null));
        Assert.NotEqual(installVersion, ownersVersion);
        Assert.Equal(ownersVersion, byOwner.GetProperty("modelVersion").GetInt32());
        Assert.Equal(owner.Value, byOwner.GetProperty("account").GetInt64());
        Assert.Equal(othersVersion, byOther.GetProperty("modelVersion").GetInt32());
        Assert.Equal(other.Value, byOther.GetProperty("account").GetInt64());
        Assert.All(new[] { byInstall, anonymous }, ready => Assert.Equal(installVersion, ready.GetProperty("modelVersion").GetInt32()));
        Assert.All(new[] { byInstall, anonymous }, ready => Assert.Equal(JsonValueKind.Null, ready.GetProperty("account").ValueKind));
        Assert.All(new[] { byOwner, byOther, byInstall, anonymous }, ready => Assert.Equal("ready", ready.GetProperty("status").GetString()));
    }

    /// <summary>A copy of the generated store where version 1's model is saved again as the known lead's account's own and promoted for it.</summary>
    private async Task<(string Database, UserId Owner, long OtherLead, int Own)> StoreWithOwnersModelAsync()
    {
        var database = _directory.File($"accounts-{Guid.NewGuid():N}.db");
        await generated.CopyToAsync(database);
        await using var store = await StoreFactory.OpenAsync(database, mustExist: true, CancellationToken.None);
        var campaigns = await store.ReadCampaignsAsync(CancellationToken.None).ToDictionaryAsync(c => c.Id, c => c.UserId);
        var owner = campaigns[new CampaignId(generated.KnownCampaignId)];
        var otherLead = (await store.ReadLeadsAsync(CancellationToken.None).FirstAsync(l => campaigns[l.CampaignId] != owner)).Id.Value;
        var first = (await store.FindModelAsync(1, CancellationToken.None))!;
        Assert.Equal((ModelKinds.Conversion, (UserId?)null), (first.Kind, first.Account));
        var own = (await store.SaveModelAsync(first.Kind, owner, DateTimeOffset.UtcNow, first.Summary, first.MetadataJson, (await store.ReadModelArtifactAsync(1, CancellationToken.None))!, CancellationToken.None)).Version;
        await new ConversionModelRegistry(store, TimeProvider.System, owner).PromoteAsync(own, CancellationToken.None);
        return (database, owner, otherLead, own);
    }

    private static WebApplicationFactory<Program> Host(string database) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting(LeadwiseServer.DatabaseSetting, database);
            builder.UseSetting(LeadwiseServer.OpenReadsSetting, "true");
        });

    private static async Task<UserId> OwnerOfAsync(string database, long lead)
    {
        await using var store = await StoreFactory.OpenAsync(database, mustExist: true, CancellationToken.None);
        var found = (await store.FindLeadAsync(new LeadId(lead), CancellationToken.None))!;
        return (await store.FindCampaignAsync(found.CampaignId, account: null, CancellationToken.None))!.UserId;
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static async Task<string> WithoutIdAsync(HttpResponseMessage response, long id)
    {
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        body.Remove("traceId");
        return body.ToJsonString().Replace(id.ToString(System.Globalization.CultureInfo.InvariantCulture), "<id>", StringComparison.Ordinal);
    }
}
