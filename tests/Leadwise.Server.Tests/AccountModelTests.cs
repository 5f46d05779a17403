using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Leadwise.Core.Models;
using Leadwise.Core.Outreach;
using Leadwise.Data.Postgres;
using Leadwise.Data.Transfer;
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
        var database = _directory.File("accounts.db");
        UserId owner;
        long otherLead;
        int own;
        await using (var source = await StoreFactory.OpenAsync(generated.Database, mustExist: true, CancellationToken.None))
        await using (var store = await StoreFactory.OpenAsync(database, mustExist: false, CancellationToken.None))
        {
            await new StoreCopier(source, store).CopyAsync(replace: false, progress: null, CancellationToken.None);
            var campaigns = await store.ReadCampaignsAsync(CancellationToken.None).ToDictionaryAsync(c => c.Id, c => c.UserId);
            owner = campaigns[new CampaignId(generated.KnownCampaignId)];
            otherLead = (await store.ReadLeadsAsync(CancellationToken.None).FirstAsync(l => campaigns[l.CampaignId] != owner)).Id.Value;
            var first = (await store.FindModelAsync(1, CancellationToken.None))!;
            Assert.Equal((ModelKinds.Conversion, (UserId?)null), (first.Kind, first.Account));
            own = (await store.SaveModelAsync(first.Kind, owner, DateTimeOffset.UtcNow, first.Summary, first.MetadataJson, (await store.ReadModelArtifactAsync(1, CancellationToken.None))!, CancellationToken.None)).Version;
            await new ConversionModelRegistry(store, TimeProvider.System, owner).PromoteAsync(own, CancellationToken.None);
        }

        await using var host = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting(LeadwiseServer.DatabaseSetting, database);
            builder.UseSetting(LeadwiseServer.OpenReadsSetting, "true");
        });
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
