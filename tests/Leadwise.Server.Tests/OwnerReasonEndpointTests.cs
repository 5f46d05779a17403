using System.Text.Json;
using Leadwise.Core.Scoring;
using Leadwise.Data.Sqlite;
using Leadwise.Learning.Features;
using Leadwise.Learning.Model;
using Leadwise.Learning.Registry;
using Leadwise.Learning.Training;
using Leadwise.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Leadwise.Server.Tests;

/// <summary>
/// <c>GET /api/leads/{id}</c> names the campaign owner in the model's reasons by the account's company name; a key
/// bound to the lead's account sees its own name and any other account only as "another account". The model keeps
/// the campaign-owner group whatever it adds, and the lead is one whose reasons the model itself says mention it.
/// </summary>
public sealed class OwnerReasonEndpointTests(ServerStore generated) : IClassFixture<ServerStore>, IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Should_NameTheCampaignOwnersByCompany_AndHideAnotherAccountFromAKeyBoundToTheLeadsAccount()
    {
        // Given: a copy of the store whose promoted model uses the campaign owner, and a lead whose reasons compare its
        // owner with another named account
        var database = _directory.File("owners.db");
        LeadFacts? lead = null;
        ModelFactor? owner = null;
        Dictionary<string, string?> companies;
        await generated.CopyToAsync(database);
        await using (var store = await SqliteLeadwiseStore.OpenAsync(database, CancellationToken.None))
        {
            companies = await store.ReadUsersAsync(CancellationToken.None).ToDictionaryAsync(u => u.Id.ToString(), u => u.CompanyName);
            var leads = await StoreLeads.ReadAsync(store, CancellationToken.None);
            var options = new ConversionTrainingOptions(Folds: 3, Seed: 1, Trainers: [TrainerKind.LogisticRegression], Importance: false,
                Features: LeadFeatureOptions.Conversion with { SelectGroups = false, MinimumCampaignOwnerLeads = 1 });
            var model = ConversionModelTrainer.Train(leads.Invited, leads.Replied, options, DateTimeOffset.UnixEpoch).Model;
            var registry = new ConversionModelRegistry(store, TimeProvider.System);
            await registry.PromoteAsync((await registry.SaveAsync(model, CancellationToken.None)).Version, CancellationToken.None);
            foreach (var facts in leads.All.Where(f => f.Campaign is not null))
            {
                // The endpoint explains as of now; so does this search.
                var preContact = PreContactFacts.ForScoring(facts, leads.Messages.GetValueOrDefault(facts.Lead.CampaignId) ?? [], DateTimeOffset.UtcNow);
                owner = model.Explain(preContact).FirstOrDefault(f => f.Feature == FeatureWords.CampaignOwner && f.Value != f.Typical && companies.ContainsKey(f.Value) && companies.ContainsKey(f.Typical));
                if (owner is not null)
                {
                    lead = facts;
                    break;
                }
            }
        }

        Assert.True(lead is not null && owner is not null, "no lead's reasons mention two named campaign owners, so the test could not check the names");
        await using var host = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting(LeadwiseServer.DatabaseSetting, database);
            builder.UseSetting(LeadwiseServer.OpenReadsSetting, "true");
        });
        var client = host.CreateClient();
        var (_, bound) = await ApiKeys.CreateAsync(database, "the lead's account", lead.Campaign!.UserId.Value);

        // When
        var open = await ReasonsAsync(await client.GetAsync($"/api/leads/{lead.Lead.Id}"));
        var scoped = await ReasonsAsync(await client.SendAsync(ApiKeys.Request(HttpMethod.Get, $"/api/leads/{lead.Lead.Id}", bound)));

        // Then
        var own = $"Campaign owner is {companies[owner.Value]} (user {owner.Value})";
        var typical = $"Campaign owner is {companies[owner.Typical]} (user {owner.Typical})";
        Assert.Contains((own, typical), open);
        Assert.Contains((own, "Campaign owner is another account"), scoped);
        Assert.DoesNotContain(scoped, r => r.ComparedWith.Contains(owner.Typical, StringComparison.Ordinal) || r.Factor.Contains(owner.Typical, StringComparison.Ordinal));
    }

    private static async Task<List<(string Factor, string ComparedWith)>> ReasonsAsync(HttpResponseMessage response)
    {
        response.EnsureSuccessStatusCode();
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return [.. body.GetProperty("model").GetProperty("reasons").EnumerateArray()
            .Select(r => (r.GetProperty("factor").GetString()!, r.GetProperty("comparedWith").GetString()!))];
    }
}
