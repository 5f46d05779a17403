using Leadwise.Core.Companies;
using Leadwise.Core.Engagement;
using Leadwise.Core.Outreach;
using Leadwise.Data.Storage;
using Leadwise.Data.Tests.Support;
using Leadwise.Testing.Engagement;
using Leadwise.Testing.Outreach;
using Leadwise.Testing.Postgres;

namespace Leadwise.Data.Tests.Storage;

public abstract class LeadFactsReaderTests
{
    private readonly StoreBackend _backend;

    private protected LeadFactsReaderTests(StoreBackend backend) => _backend = backend;

    [SkippableFact]
    public async Task ReadAllAsync_GivesEveryLeadItsOwnEvents_CampaignAndCompany()
    {
        // Given three leads; events for the first and the last (inserted out of order); one company
        await using var test = await TestStore.CreateAsync(_backend);
        var campaign = new CampaignBuilder().Build();
        await using (var writer = await test.Store.BeginWriteAsync(StoreWriteMode.Incremental, CancellationToken.None))
        {
            await writer.UpsertAsync(new UserBuilder().Build(), CancellationToken.None);
            await writer.UpsertAsync(campaign, CancellationToken.None);
            await writer.UpsertAsync(new LeadBuilder().WithId(30).InCampaign(campaign.Id.Value).Build() with { CompanyName = "Acme GmbH" }, CancellationToken.None);
            await writer.UpsertAsync(new LeadBuilder().WithId(10).InCampaign(campaign.Id.Value).Build(), CancellationToken.None);
            await writer.UpsertAsync(new LeadBuilder().WithId(20).InCampaign(campaign.Id.Value).Build() with { Email = "x@acme.de" }, CancellationToken.None);
            await writer.UpsertAsync(new EngagementEventBuilder().OfLead(30).OfType(EventTypes.PageView).MinutesAfterBase(5).Build(), CancellationToken.None);
            await writer.UpsertAsync(new EngagementEventBuilder().OfLead(10).OfType(EventTypes.EmailOpen).MinutesAfterBase(2).Build(), CancellationToken.None);
            await writer.UpsertAsync(new EngagementEventBuilder().OfLead(30).OfType(EventTypes.PricingPageView).MinutesAfterBase(1).Build(), CancellationToken.None);
            await writer.UpsertAsync(new CompanyProfile { Name = "ACME", Domain = "acme.de", Industry = "Software" }, CancellationToken.None);
            await writer.CommitAsync(CancellationToken.None);
        }

        // When
        var reader = await LeadFactsReader.OpenAsync(test.Store, CancellationToken.None);
        var facts = await reader.ReadAllAsync(CancellationToken.None).ToListAsync();

        // Then
        Assert.Equal([10L, 20L, 30L], facts.Select(f => f.Lead.Id.Value));
        Assert.Equal([EventTypes.EmailOpen], facts[0].Events.Select(e => e.Type));
        Assert.Empty(facts[1].Events);
        Assert.Equal([EventTypes.PricingPageView, EventTypes.PageView], facts[2].Events.Select(e => e.Type));
        Assert.All(facts, f => Assert.Equal(campaign.Id, f.Campaign?.Id));
        Assert.Null(facts[0].Company);
        Assert.Equal("Software", facts[1].Company?.Industry); // by email domain
        Assert.Equal("Software", facts[2].Company?.Industry); // by name, legal form ignored
    }

    [SkippableFact]
    public async Task ReadOneAsync_ReturnsTheLeadsFacts_OrNullForAnUnknownLead()
    {
        await using var test = await TestStore.CreateAsync(_backend);
        await using (var writer = await test.Store.BeginWriteAsync(StoreWriteMode.Incremental, CancellationToken.None))
        {
            await writer.UpsertAsync(new UserBuilder().Build(), CancellationToken.None);
            await writer.UpsertAsync(new CampaignBuilder().Build(), CancellationToken.None);
            await writer.UpsertAsync(new LeadBuilder().WithId(7).Build(), CancellationToken.None);
            await writer.UpsertAsync(new EngagementEventBuilder().OfLead(7).OfType(EventTypes.Download).Build(), CancellationToken.None);
            await writer.CommitAsync(CancellationToken.None);
        }

        var reader = await LeadFactsReader.OpenAsync(test.Store, CancellationToken.None);

        var facts = await reader.ReadOneAsync(new LeadId(7), CancellationToken.None);
        Assert.NotNull(facts);
        Assert.Equal(EventTypes.Download, Assert.Single(facts.Events).Type);
        Assert.Null(await reader.ReadOneAsync(new LeadId(8), CancellationToken.None));
    }
}

/// <summary>The suite on a SQLite file.</summary>
public sealed class SqliteLeadFactsReaderTests() : LeadFactsReaderTests(StoreBackend.Sqlite);

/// <summary>The suite on the run's throwaway PostgreSQL server, a database per store.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresLeadFactsReaderTests(PostgresServerFixture server) : LeadFactsReaderTests(StoreBackend.Postgres(server));
