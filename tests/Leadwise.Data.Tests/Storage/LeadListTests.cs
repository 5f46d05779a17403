using Leadwise.Core.Models;
using Leadwise.Core.Outreach;
using Leadwise.Core.Scoring;
using Leadwise.Data.Storage;
using Leadwise.Data.Storage.LeadList;
using Leadwise.Data.Tests.Support;
using Leadwise.Testing;
using Leadwise.Testing.Outreach;
using Leadwise.Testing.Postgres;
using Leadwise.Testing.Scoring;

namespace Leadwise.Data.Tests.Storage;

/// <summary>
/// The ranked lead list on both backends, over five leads whose stored scores make every order and filter
/// distinguishable: ranked (model score, else points) 1:80 5:80 2:50 3:20 4:none; points 2:50 1:30 3:10 5:5 4:none.
/// </summary>
public abstract class LeadListTests : IAsyncLifetime
{
    private static readonly DateTimeOffset AsOf = TestTime.Base.AddDays(3);
    private readonly StoreBackend _backend;
    private TestStore _test = null!;

    private protected LeadListTests(StoreBackend backend) => _backend = backend;

    public async Task InitializeAsync()
    {
        _test = await TestStore.CreateAsync(_backend);
        await using var writer = await _test.Store.BeginWriteAsync(StoreWriteMode.Incremental, CancellationToken.None);
        await writer.UpsertAsync(new UserBuilder().Build(), CancellationToken.None);
        await writer.UpsertAsync(new CampaignBuilder().WithId(100).Named("Spring").Build(), CancellationToken.None);
        await writer.UpsertAsync(new CampaignBuilder().WithId(200).Named("Autumn").Build(), CancellationToken.None);
        await writer.UpsertAsync(Lead(1, 100, "Anna", "Schmidt", "CTO", "Beispiel AG"), CancellationToken.None);
        await writer.UpsertAsync(Lead(2, 100, "Ben", "Keller", "Werkstudent", "Acme GmbH"), CancellationToken.None);
        await writer.UpsertAsync(Lead(3, 200, "Carla", "Rossi", "Head of Sales", "100% Growth_Ltd"), CancellationToken.None);
        await writer.UpsertAsync(Lead(4, 200, "Dan", "Brown", "CEO", "Beispiel AG"), CancellationToken.None);
        await writer.UpsertAsync(Lead(5, 100, "Eva", "Klein", "Founder", "Kleinbetrieb"), CancellationToken.None);
        await writer.UpsertAsync(Points(1, "B", (ScoringModel.Demographics, 20), (ScoringModel.Website, 10)), CancellationToken.None);
        await writer.UpsertAsync(Points(2, "A", (ScoringModel.Demographics, 50)), CancellationToken.None);
        await writer.UpsertAsync(Points(3, "C", (ScoringModel.Email, 12), (ScoringModel.Spam, -2)), CancellationToken.None);
        await writer.UpsertAsync(Points(5, "D", (ScoringModel.Social, 5)), CancellationToken.None);
        await writer.UpsertAsync(new ModelScore(new LeadId(1), 2, 0.8, 80, "A", AsOf), CancellationToken.None);
        await writer.UpsertAsync(new ModelScore(new LeadId(3), 2, 0.2, 20, "C", AsOf), CancellationToken.None);
        await writer.UpsertAsync(new ModelScore(new LeadId(5), 2, 0.8, 80, "A", AsOf), CancellationToken.None);
        await writer.CommitAsync(CancellationToken.None);
    }

    public async Task DisposeAsync() => await _test.DisposeAsync();

    [SkippableFact]
    public async Task ByDefault_RanksByModelScoreElsePoints_HighestFirst_TiesByIdAndUnscoredLast()
    {
        var page = await ListAsync(new LeadListQuery());

        Assert.Equal([1L, 5, 2, 3, 4], Ids(page));
        Assert.Equal(5, page.Total);
        Assert.Equal([80.0, 80, 50, 20, null], page.Leads.Select(l => l.RankedScore));
        Assert.Equal(["A", "A", "A", "C", null], page.Leads.Select(l => l.RankedGrade));
    }

    [SkippableFact]
    public async Task ByPoints_OrdersByPointTotal_AndAscendingKeepsUnscoredLast()
    {
        Assert.Equal([2L, 1, 3, 5, 4], Ids(await ListAsync(new LeadListQuery { Basis = LeadListBasis.Points })));
        Assert.Equal([5L, 3, 1, 2, 4], Ids(await ListAsync(new LeadListQuery { Basis = LeadListBasis.Points, Ascending = true })));
        Assert.Equal([3L, 2, 1, 5, 4], Ids(await ListAsync(new LeadListQuery { Ascending = true })));
    }

    [SkippableFact]
    public async Task Rows_CarryTheLeadItsCampaignAndBothStoredScores()
    {
        var page = await ListAsync(new LeadListQuery());

        var anna = page.Leads[0];
        Assert.Equal(("Anna Schmidt", "Anna", "Schmidt", "CTO", "Beispiel AG", 100L, "Spring"), (anna.Name, anna.FirstName, anna.LastName, anna.Title, anna.CompanyName, anna.CampaignId.Value, anna.CampaignName));
        Assert.NotNull(anna.Points);
        Assert.Equal((30.0, "B", AsOf), (anna.Points.Total, anna.Points.Grade, anna.Points.AsOf));
        Assert.Equal([(ScoringModel.Demographics, 20.0), (ScoringModel.Website, 10.0)], anna.Points.Subtotals.OrderBy(p => p.Key).Select(p => (p.Key, p.Value)));
        Assert.Equal(new ModelScore(new LeadId(1), 2, 0.8, 80, "A", AsOf), anna.Model);
        var ben = page.Leads[2];
        Assert.Null(ben.Model);
        var dan = page.Leads[4];
        Assert.Null(dan.Points);
        Assert.Equal("Autumn", dan.CampaignName);
    }

    [SkippableFact]
    public async Task Filters_ByCampaignGradeAndScoreRanges_AllMustHold()
    {
        Assert.Equal([3L, 4], Ids(await ListAsync(new LeadListQuery { Campaign = new CampaignId(200) })));
        Assert.Equal([1L, 5, 2], Ids(await ListAsync(new LeadListQuery { Grades = ["A"] })));
        Assert.Equal([2L], Ids(await ListAsync(new LeadListQuery { Grades = ["A"], Basis = LeadListBasis.Points })));
        Assert.Equal([1L, 3, 5], Ids(await ListAsync(new LeadListQuery { Grades = ["B", "C", "D"], Basis = LeadListBasis.Points })));
        Assert.Equal([2L], Ids(await ListAsync(new LeadListQuery { MinScore = 25, MaxScore = 60 })));
        Assert.Equal([2L, 1], Ids(await ListAsync(new LeadListQuery { MinScore = 25, Basis = LeadListBasis.Points })));
        Assert.Equal([1L, 5], Ids(await ListAsync(new LeadListQuery { MinModelScore = 50 })));
        Assert.Equal([3L], Ids(await ListAsync(new LeadListQuery { MaxModelScore = 50 })));
        Assert.Equal([2L], Ids(await ListAsync(new LeadListQuery { Campaign = new CampaignId(100), Grades = ["A"], MaxScore = 60 })));
        Assert.Empty(Ids(await ListAsync(new LeadListQuery { Campaign = new CampaignId(200), Grades = ["A"] })));
    }

    [SkippableFact]
    public async Task Text_MatchesEveryWordInNameCompanyOrTitle_CaseInsensitively_WithWildcardsLiteral()
    {
        Assert.Equal([1L, 4], Ids(await ListAsync(new LeadListQuery { Text = "beispiel" })));
        Assert.Equal([1L], Ids(await ListAsync(new LeadListQuery { Text = "  ANNA   schmidt " })));
        Assert.Equal([2L], Ids(await ListAsync(new LeadListQuery { Text = "werkstudent acme" })));
        Assert.Equal([3L], Ids(await ListAsync(new LeadListQuery { Text = "100%" })));
        Assert.Equal([3L], Ids(await ListAsync(new LeadListQuery { Text = "growth_" })));
        Assert.Empty(Ids(await ListAsync(new LeadListQuery { Text = "h_ad" })));
        Assert.Equal([3L], Ids(await ListAsync(new LeadListQuery { Text = "%" })));
        Assert.Equal(5, (await ListAsync(new LeadListQuery { Text = "   " })).Total);
    }

    [SkippableFact]
    public async Task Paging_SkipsAndTakes_AndTheTotalCountsTheWholeFilter()
    {
        var second = await ListAsync(new LeadListQuery { Offset = 2, Limit = 2 });
        var beyond = await ListAsync(new LeadListQuery { Offset = 10, Limit = 2, Campaign = new CampaignId(100) });

        Assert.Equal([2L, 3], Ids(second));
        Assert.Equal((5L, 2, 2), (second.Total, second.Offset, second.Limit));
        Assert.Empty(beyond.Leads);
        Assert.Equal(3, beyond.Total);
    }

    [SkippableFact]
    public async Task AQueryOutOfBounds_IsRefused_NotCut()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => ListAsync(new LeadListQuery { Limit = LeadListQuery.MaxLimit + 1 }));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => ListAsync(new LeadListQuery { Limit = 0 }));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => ListAsync(new LeadListQuery { Offset = -1 }));
        await Assert.ThrowsAsync<ArgumentException>(() => ListAsync(new LeadListQuery { MinScore = 5, MaxScore = 1 }));
        Assert.Equal(5, (await ListAsync(new LeadListQuery { Limit = LeadListQuery.MaxLimit })).Leads.Count);
    }

    private Task<LeadListPage> ListAsync(LeadListQuery query) => _test.Store.ReadLeadListAsync(query, CancellationToken.None);

    private static List<long> Ids(LeadListPage page) => [.. page.Leads.Select(l => l.Id.Value)];

    private static Lead Lead(long id, long campaign, string first, string last, string title, string company) =>
        new LeadBuilder().WithId(id).InCampaign(campaign).Named($"{first} {last}").Build() with { FirstName = first, LastName = last, Title = title, CompanyName = company };

    private static LeadScore Points(long lead, string grade, params (ScoringModel Model, double Points)[] subtotals)
    {
        var builder = new LeadScoreBuilder().OfLead(lead).Graded(grade).AsOf(AsOf);
        foreach (var (model, points) in subtotals)
        {
            builder.WithHit($"{model}.rule", model, points, "why");
        }

        return builder.Build();
    }
}

/// <summary>The suite on a SQLite file.</summary>
public sealed class SqliteLeadListTests() : LeadListTests(StoreBackend.Sqlite);

/// <summary>The suite on the run's throwaway PostgreSQL server, a database per store.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresLeadListTests(PostgresServerFixture server) : LeadListTests(StoreBackend.Postgres(server));
