using System.Globalization;
using Leadwise.Core.Outreach;
using Leadwise.Data.Storage;
using Leadwise.Data.Tests.Support;
using Leadwise.Testing.Exports;
using Leadwise.Testing.Outreach;
using Leadwise.Testing.Postgres;

namespace Leadwise.Data.Tests.Storage;

/// <summary>What every <see cref="ILeadwiseStore"/> must do, whichever database is under it.</summary>
public abstract class StoreContractTests : IAsyncLifetime
{
    private readonly StoreBackend _backend;
    private TestStore _test = null!;

    private protected StoreContractTests(StoreBackend backend) => _backend = backend;

    private ILeadwiseStore Store => _test.Store;

    public async Task InitializeAsync() => _test = await TestStore.CreateAsync(_backend);

    public async Task DisposeAsync() => await _test.DisposeAsync();

    [SkippableFact]
    public async Task NewStore_IsEmpty()
    {
        Assert.Equal(new StoreCounts(0, 0, 0, 0, 0), await Store.CountAsync(CancellationToken.None));
        Assert.Equal(new ScoringDataCounts(0, 0, 0), await Store.CountScoringDataAsync(CancellationToken.None));
        Assert.Empty(await Store.ReadModelsAsync(CancellationToken.None).ToListAsync());
    }

    [SkippableFact]
    public async Task Reopen_KeepsTheDataWithoutMigratingAgain()
    {
        // Given
        (await _test.ImportAsync(new ExportFolderBuilder())).AssertSucceeded();
        var before = await _test.ReadAllAsync();

        // When
        await using var reopened = await _test.ReopenAsync();

        // Then
        Assert.Equal(new StoreCounts(2, 2, 4, 3, 2), await reopened.CountAsync(CancellationToken.None));
        (await StoreContents.ReadAsync(reopened)).AssertSameRowsAs(before);
    }

    [SkippableFact]
    public async Task FindLeadAsync_UnknownId_ReturnsNull()
    {
        // Given
        await WriteAsync(new LeadBuilder().WithId(7).Build());

        // When
        var lead = await Store.FindLeadAsync(new LeadId(8), CancellationToken.None);

        // Then
        Assert.Null(lead);
        Assert.NotNull(await Store.FindLeadAsync(new LeadId(7), CancellationToken.None));
    }

    [SkippableFact]
    public async Task ReadMessagesOfCampaignAsync_IsOrderedByOrderAndHoldsOnlyThatCampaign()
    {
        // Given
        await using (var writer = await Store.BeginWriteAsync(StoreWriteMode.Incremental, CancellationToken.None))
        {
            await writer.UpsertAsync(new UserBuilder().Build(), CancellationToken.None);
            await writer.UpsertAsync(new CampaignBuilder().Build(), CancellationToken.None);
            await writer.UpsertAsync(new CampaignBuilder().WithId(99).Build(), CancellationToken.None);
            foreach (var order in new[] { 3, 0, 2, 1 })
            {
                await writer.UpsertAsync(new MessageBuilder().AtOrder(order).Build(), CancellationToken.None);
            }

            await writer.UpsertAsync(new MessageBuilder().InCampaign(99).AtOrder(1).Build(), CancellationToken.None);
            await writer.CommitAsync(CancellationToken.None);
        }

        // When
        var messages = await Store.ReadMessagesOfCampaignAsync(new CampaignId(100), CancellationToken.None);

        // Then
        Assert.Equal([0, 1, 2, 3], messages.Select(m => m.Order));
        Assert.All(messages, m => Assert.Equal(new CampaignId(100), m.CampaignId));
        Assert.Equal(["0-100", "1-100", "2-100", "3-100"], messages.Select(m => m.Key.ToString()));
    }

    [SkippableFact]
    public async Task ReadLeadsOfCampaignAsync_ReturnsThatCampaignsLeadsById()
    {
        // Given
        await WriteAsync(
            new LeadBuilder().WithId(30).Build(),
            new LeadBuilder().WithId(10).Build(),
            new LeadBuilder().WithId(20).InCampaign(99).Build());

        // When
        var leads = await Store.ReadLeadsOfCampaignAsync(new CampaignId(100), CancellationToken.None).ToListAsync();

        // Then
        Assert.Equal([10L, 30L], leads.Select(l => l.Id.Value));
    }

    [SkippableTheory]
    [InlineData(StoreWriteMode.Incremental)]
    [InlineData(StoreWriteMode.BulkLoad)]
    public async Task BeginWriteAsync_DisposedWithoutCommit_RollsBackEverything(StoreWriteMode mode)
    {
        // When: rows of several tables, the last still being written when the writer goes away
        await using (var writer = await Store.BeginWriteAsync(mode, CancellationToken.None))
        {
            await writer.UpsertAsync(new UserBuilder().Build(), CancellationToken.None);
            await writer.AddExtraColumnsAsync(StoreTable.Users, ["plan"], CancellationToken.None);
            await writer.UpsertAsync(new CampaignBuilder().Build(), CancellationToken.None);
            await writer.UpsertAsync(new LeadBuilder().WithId(5).Build(), CancellationToken.None);
        }

        // Then
        Assert.Equal(new StoreCounts(0, 0, 0, 0, 0), await Store.CountAsync(CancellationToken.None));
        Assert.Empty(await Store.ReadExtraColumnsAsync(StoreTable.Users, CancellationToken.None));

        // And the store takes writes afterwards (nothing of the abandoned transaction is left behind)
        await WriteAsync(mode, new LeadBuilder().WithId(6).Build());
        Assert.Equal(new StoreCounts(1, 2, 0, 1, 0), await Store.CountAsync(CancellationToken.None));
    }

    [SkippableTheory]
    [InlineData(StoreWriteMode.Incremental)]
    [InlineData(StoreWriteMode.BulkLoad)]
    public async Task Writer_ReadsWhatItWroteBeforeCommitting(StoreWriteMode mode)
    {
        // Given
        await using var writer = await Store.BeginWriteAsync(mode, CancellationToken.None);
        await writer.UpsertAsync(new UserBuilder().Build(), CancellationToken.None);
        await writer.UpsertAsync(new CampaignBuilder().Build(), CancellationToken.None);
        await writer.UpsertAsync(new LeadBuilder().WithId(5).Build(), CancellationToken.None);

        // When
        var users = await writer.ReadUserIdsAsync(CancellationToken.None);
        var campaigns = await writer.ReadCampaignIdsAsync(CancellationToken.None);
        var leads = await writer.ReadLeadIdsAsync(CancellationToken.None);

        // Then: the transaction sees its rows, nobody else does yet
        Assert.Equal([new UserBuilder().Build().Id], users);
        Assert.Equal([new CampaignBuilder().Build().Id], campaigns);
        Assert.Equal([new LeadId(5)], leads);
        Assert.Equal(new StoreCounts(0, 0, 0, 0, 0), await Store.CountAsync(CancellationToken.None));
    }

    [SkippableTheory]
    [InlineData(StoreWriteMode.Incremental)]
    [InlineData(StoreWriteMode.BulkLoad)]
    public async Task Upsert_SameIdTwiceInOneTransaction_KeepsTheLastRow(StoreWriteMode mode)
    {
        // When
        await WriteAsync(mode,
            new LeadBuilder().WithId(5).Build() with { Title = "first" },
            new LeadBuilder().WithId(6).Build(),
            new LeadBuilder().WithId(5).Build() with { Title = "last" });

        // Then
        var leads = await Store.ReadLeadsAsync(CancellationToken.None).ToListAsync();
        Assert.Equal([(5L, "last"), (6L, "CTO")], leads.Select(l => (l.Id.Value, l.Title)));
    }

    [SkippableTheory]
    [InlineData(StoreWriteMode.Incremental)]
    [InlineData(StoreWriteMode.BulkLoad)]
    public async Task Upsert_StoredId_ReplacesEveryValue(StoreWriteMode mode)
    {
        // Given
        var original = new LeadBuilder().WithId(5).WithExtra("leadScore", "1").Build();
        await WriteAsync(mode, original);

        // When
        var replacement = original with { Title = "CEO", InviteAccepted = null, Extra = ExtraFields.None, UpdatedAt = original.UpdatedAt?.AddDays(1) };
        await WriteAsync(mode, replacement);

        // Then
        Assert.Equal(replacement, await Store.FindLeadAsync(original.Id, CancellationToken.None));
        Assert.Equal(new StoreCounts(1, 2, 0, 1, 0), await Store.CountAsync(CancellationToken.None));
    }

    [SkippableTheory]
    [InlineData(StoreWriteMode.Incremental)]
    [InlineData(StoreWriteMode.BulkLoad)]
    public async Task UpsertAsync_StoresEveryValueOfARecordExactly(StoreWriteMode mode)
    {
        // Given: an id beyond double precision, sub-microsecond ticks, a credit with a trailing zero, odd extra text
        var lead = new LeadBuilder().WithId(9007199254740993).RepliedAtStep(3).WithExtra("leadScore", "ä, \"ö\"").WithExtra("empty", null).Build();
        var user = new UserBuilder().WithExtra("plan", "gold").Build() with { BoughtCredit = 100.50m, UsedCredit = 0.125m };

        // When
        await WriteAsync(mode, lead);
        await using (var writer = await Store.BeginWriteAsync(mode, CancellationToken.None))
        {
            await writer.UpsertAsync(user, CancellationToken.None);
            await writer.CommitAsync(CancellationToken.None);
        }

        // Then
        Assert.Equal(lead, await Store.FindLeadAsync(lead.Id, CancellationToken.None));
        var contents = await StoreContents.ReadAsync(Store);
        Assert.Equal(user, contents.Users.Single());
        Assert.Equal("100.50", contents.Users.Single().BoughtCredit!.Value.ToString(CultureInfo.InvariantCulture));
    }

    [SkippableFact]
    public async Task Timestamps_AreKeptToTheMicrosecond()
    {
        // Given
        var at = new DateTimeOffset(2023, 10, 19, 10, 31, 45, TimeSpan.FromHours(2)).AddTicks(1_234_567);
        var lead = new LeadBuilder().WithId(5).Build() with { InviteSentAt = at };

        // When
        await WriteAsync(lead);

        // Then: UTC, cut (not rounded) below the microsecond
        var stored = (await Store.FindLeadAsync(lead.Id, CancellationToken.None))!.InviteSentAt!.Value;
        Assert.Equal(at.AddTicks(-7), stored);
        Assert.Equal(TimeSpan.Zero, stored.Offset);
    }

    [SkippableFact]
    public async Task ExtraColumns_KeepTheOrderTheyWereFirstSeenIn()
    {
        // When
        await using (var writer = await Store.BeginWriteAsync(StoreWriteMode.BulkLoad, CancellationToken.None))
        {
            await writer.AddExtraColumnsAsync(StoreTable.Leads, ["zeta", "alpha"], CancellationToken.None);
            await writer.AddExtraColumnsAsync(StoreTable.Leads, ["alpha", "mid"], CancellationToken.None);
            await writer.AddExtraColumnsAsync(StoreTable.Users, ["plan"], CancellationToken.None);
            await writer.CommitAsync(CancellationToken.None);
        }

        // Then
        Assert.Equal(["zeta", "alpha", "mid"], await Store.ReadExtraColumnsAsync(StoreTable.Leads, CancellationToken.None));
        Assert.Equal(["plan"], await Store.ReadExtraColumnsAsync(StoreTable.Users, CancellationToken.None));
        Assert.Empty(await Store.ReadExtraColumnsAsync(StoreTable.Campaigns, CancellationToken.None));
    }

    private Task WriteAsync(params Lead[] leads) => WriteAsync(StoreWriteMode.Incremental, leads);

    private async Task WriteAsync(StoreWriteMode mode, params Lead[] leads)
    {
        await using var writer = await Store.BeginWriteAsync(mode, CancellationToken.None);
        await writer.UpsertAsync(new UserBuilder().Build(), CancellationToken.None);
        await writer.UpsertAsync(new CampaignBuilder().Build(), CancellationToken.None);
        await writer.UpsertAsync(new CampaignBuilder().WithId(99).Build(), CancellationToken.None);
        foreach (var lead in leads)
        {
            await writer.UpsertAsync(lead, CancellationToken.None);
        }

        await writer.CommitAsync(CancellationToken.None);
    }
}

/// <summary>The contract on a SQLite file.</summary>
public sealed class SqliteStoreContractTests() : StoreContractTests(StoreBackend.Sqlite);

/// <summary>The contract on the run's throwaway PostgreSQL server, a database per store.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresStoreContractTests(PostgresServerFixture server) : StoreContractTests(StoreBackend.Postgres(server));
