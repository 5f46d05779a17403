using Leadwise.Core.Companies;
using Leadwise.Core.Outreach;
using Leadwise.Core.Scoring;
using Leadwise.Data.Storage;
using Leadwise.Data.Tests.Support;
using Leadwise.Testing;
using Leadwise.Testing.Engagement;
using Leadwise.Testing.Postgres;
using Leadwise.Testing.Scoring;
using static Leadwise.Data.Tests.Support.ScoringDataFiles;

namespace Leadwise.Data.Tests.Storage;

/// <summary>The store API for events, companies and scores, without going through a CSV file.</summary>
public abstract class ScoringDataTests : IAsyncLifetime
{
    private readonly StoreBackend _backend;

    private protected ScoringDataTests(StoreBackend backend) => _backend = backend;

    private TestStore _store = null!;

    public async Task InitializeAsync() => _store = await TestStore.CreateAsync(_backend);

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [SkippableFact]
    public async Task UpsertEvent_SameClientIdTwice_IsNewOnlyTheFirstTimeAndKeepsTheFirst()
    {
        // Given
        var first = new EngagementEventBuilder().WithClientId("c-1").WithUrl("/a").Build();
        var second = new EngagementEventBuilder().WithClientId("c-1").WithUrl("/b").MinutesAfterBase(5).Build();

        // When
        var (wasNew, wasNewAgain) = await WriteAsync(async w => (await w.UpsertAsync(first, CancellationToken.None), await w.UpsertAsync(second, CancellationToken.None)));

        // Then
        Assert.True(wasNew);
        Assert.False(wasNewAgain);
        Assert.Equal([first], await _store.EventsAsync());
    }

    [SkippableFact]
    public async Task UpsertEvent_WithoutClientId_IsTheSameEventWhenLeadTypeTimeAndUrlAre()
    {
        // Given
        var engagement = new EngagementEventBuilder().WithUrl("/a").Build();
        var sameButCampaign = new EngagementEventBuilder().WithUrl("/a").InCampaign("x").Build();
        var otherUrl = new EngagementEventBuilder().WithUrl("/b").Build();
        var otherTime = new EngagementEventBuilder().WithUrl("/a").At(TestTime.Base.AddTicks(10)).Build();

        // When
        var results = await WriteAsync(async w => new[]
        {
            await w.UpsertAsync(engagement, CancellationToken.None),
            await w.UpsertAsync(sameButCampaign, CancellationToken.None),
            await w.UpsertAsync(otherUrl, CancellationToken.None),
            await w.UpsertAsync(otherTime, CancellationToken.None),
        });

        // Then
        Assert.Equal([true, false, true, true], results);
        Assert.Equal(new ScoringDataCounts(3, 0, 0), await _store.Store.CountScoringDataAsync(CancellationToken.None));
    }

    [SkippableFact]
    public async Task ReadEvents_AreOrderedByLeadThenTime()
    {
        // Given
        await WriteAsync(async w =>
        {
            await w.UpsertAsync(new EngagementEventBuilder().OfLead(2).MinutesAfterBase(1).Build(), CancellationToken.None);
            await w.UpsertAsync(new EngagementEventBuilder().OfLead(1).MinutesAfterBase(9).Build(), CancellationToken.None);
            await w.UpsertAsync(new EngagementEventBuilder().OfLead(2).MinutesAfterBase(0).Build(), CancellationToken.None);
            return true;
        });

        // When
        var events = await _store.EventsAsync();
        var ofTwo = await ToListAsync(_store.Store.ReadEventsOfLeadAsync(new LeadId(2), CancellationToken.None));

        // Then
        Assert.Equal([(1L, 9), (2L, 0), (2L, 1)], events.Select(e => (e.LeadId.Value, (int)(e.OccurredAt - TestTime.Base).TotalMinutes)));
        Assert.Equal(events.Skip(1), ofTwo);
    }

    [SkippableFact]
    public async Task UpsertCompany_KeysByNormalisedNameAndLowerCasesTheDomain()
    {
        // When
        await WriteAsync(async w =>
        {
            await w.UpsertAsync(new CompanyProfile { Name = "Acme GmbH", Domain = "Acme.DE", Employees = 5 }, CancellationToken.None);
            await w.UpsertAsync(new CompanyProfile { Name = "ACME  gmbh", Domain = "acme.com" }, CancellationToken.None);
            await w.UpsertAsync(new CompanyProfile { Name = "Acme Inc.", Domain = "ACME.us" }, CancellationToken.None);
            return true;
        });

        // Then: case and spacing make no new company; another legal form does
        var companies = await _store.CompaniesAsync();
        Assert.Equal(2, companies.Count);
        Assert.Contains(new CompanyProfile { Name = "ACME  gmbh", Domain = "acme.com" }, companies);
        Assert.Contains(new CompanyProfile { Name = "Acme Inc.", Domain = "acme.us" }, companies);
    }

    [SkippableFact]
    public async Task UpsertScore_ReadsBackExactlyIncludingHitsAndSubtotals()
    {
        // Given: values a decimal text form would round
        var score = new LeadScoreBuilder().OfLead(9007199254740997).Graded("A")
            .AsOf(TestTime.Base.AddTicks(7))
            .WithHit("title.c-level", ScoringModel.Demographics, 0.1 + 0.2, "title \"Geschäftsführer\" is C-level")
            .WithHit("web.pricing", ScoringModel.Website, 12.345678901234567, "3 pricing page views in 30 days", rawPoints: 15)
            .WithHit("spam.captcha", ScoringModel.Spam, -1e-300, "captcha failed", rawPoints: double.MaxValue)
            .Build();

        // When
        await WriteAsync(async w =>
        {
            await w.UpsertAsync(score, CancellationToken.None);
            return true;
        });
        var found = await _store.Store.FindScoreAsync(score.LeadId, CancellationToken.None);

        // Then
        Assert.NotNull(found);
        Assert.Equal((score.LeadId, score.Total, score.Grade, score.AsOf.AddTicks(-7)), (found.LeadId, found.Total, found.Grade, found.AsOf));
        Assert.Equal(score.Hits, found.Hits);
        Assert.Equal(score.Hits.Select(h => h.RawPoints), found.Hits.Select(h => h.RawPoints));
        Assert.Equal(score.Subtotals.OrderBy(p => p.Key), found.Subtotals.OrderBy(p => p.Key));
        Assert.Null(await _store.Store.FindScoreAsync(new LeadId(1), CancellationToken.None));
    }

    [SkippableFact]
    public async Task UpsertScore_Again_ReplacesTheLeadsScoreAndReadScoresIsByLead()
    {
        // Given
        await WriteAsync(async w =>
        {
            await w.UpsertAsync(new LeadScoreBuilder().OfLead(5).Graded("C").Build(), CancellationToken.None);
            await w.UpsertAsync(new LeadScoreBuilder().OfLead(3).Graded("B").Build(), CancellationToken.None);
            return true;
        });

        // When
        await WriteAsync(async w =>
        {
            await w.UpsertAsync(new LeadScoreBuilder().OfLead(5).Graded("A").WithHit("r", ScoringModel.Email, 4, "why").Build(), CancellationToken.None);
            return true;
        });

        // Then
        var scores = await ToListAsync(_store.Store.ReadScoresAsync(CancellationToken.None));
        Assert.Equal([(3L, "B", 0.0), (5L, "A", 4.0)], scores.Select(s => (s.LeadId.Value, s.Grade, s.Total)));
        Assert.Equal(4.0, scores[1].Subtotals[ScoringModel.Email]);
    }

    [SkippableTheory]
    [InlineData(StoreWriteMode.Incremental)]
    [InlineData(StoreWriteMode.BulkLoad)]
    public async Task UpsertEvents_InEitherMode_CountEveryEventTheStoreHeldAlready(StoreWriteMode mode)
    {
        // Given a stored event, then a batch holding it again, a client id twice and new events around another table's write
        var stored = new EngagementEventBuilder().OfLead(1).WithClientId("c-1").Build();
        await WriteAsync(async w => await w.UpsertAsync(stored, CancellationToken.None));
        var batch = new[]
        {
            new EngagementEventBuilder().OfLead(2).WithUrl("/a").Build(),
            stored,
            new EngagementEventBuilder().OfLead(2).WithClientId("c-2").MinutesAfterBase(1).Build(),
            new EngagementEventBuilder().OfLead(3).WithClientId("c-2").MinutesAfterBase(2).Build(),
        };
        var afterCompany = new[]
        {
            new EngagementEventBuilder().OfLead(2).WithUrl("/a").Build(),
            new EngagementEventBuilder().OfLead(4).WithUrl("/b").Build(),
        };

        // When
        long answeredOld = 0, settled;
        await using (var writer = await _store.Store.BeginWriteAsync(mode, CancellationToken.None))
        {
            foreach (var engagement in batch)
            {
                answeredOld += await writer.UpsertAsync(engagement, CancellationToken.None) ? 0 : 1;
            }

            await writer.UpsertAsync(new CompanyProfile { Name = "Acme" }, CancellationToken.None);
            foreach (var engagement in afterCompany)
            {
                answeredOld += await writer.UpsertAsync(engagement, CancellationToken.None) ? 0 : 1;
            }

            settled = await writer.SettleStagedEventsAsync(CancellationToken.None);
            await writer.CommitAsync(CancellationToken.None);
        }

        // Then three of the six were held already, however the store found out, and the first of each kept
        Assert.Equal(3, answeredOld + settled);
        var events = await _store.EventsAsync();
        Assert.Equal([stored, batch[0], batch[2], afterCompany[1]], events.OrderBy(e => e.LeadId.Value).ThenBy(e => e.OccurredAt));
    }

    [SkippableFact]
    public async Task SettleStagedEvents_WithNothingStaged_IsZero()
    {
        // When
        await using var writer = await _store.Store.BeginWriteAsync(StoreWriteMode.BulkLoad, CancellationToken.None);
        var settled = await writer.SettleStagedEventsAsync(CancellationToken.None);

        // Then
        Assert.Equal(0, settled);
    }

    [SkippableFact]
    public async Task Writes_WithoutCommit_AreRolledBack()
    {
        // When
        await using (var writer = await _store.Store.BeginWriteAsync(StoreWriteMode.Incremental, CancellationToken.None))
        {
            await writer.UpsertAsync(new EngagementEventBuilder().Build(), CancellationToken.None);
            await writer.UpsertAsync(new CompanyProfile { Name = "Acme" }, CancellationToken.None);
            await writer.UpsertAsync(new LeadScoreBuilder().Build(), CancellationToken.None);
        }

        // Then
        Assert.Equal(new ScoringDataCounts(0, 0, 0), await _store.Store.CountScoringDataAsync(CancellationToken.None));
    }

    private async Task<T> WriteAsync<T>(Func<IStoreWriter, Task<T>> write)
    {
        await using var writer = await _store.Store.BeginWriteAsync(StoreWriteMode.Incremental, CancellationToken.None);
        var result = await write(writer);
        await writer.CommitAsync(CancellationToken.None);
        return result;
    }
}

/// <summary>The suite on a SQLite file.</summary>
public sealed class SqliteScoringDataTests() : ScoringDataTests(StoreBackend.Sqlite);

/// <summary>The suite on the run's throwaway PostgreSQL server, a database per store.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresScoringDataTests(PostgresServerFixture server) : ScoringDataTests(StoreBackend.Postgres(server));
