using Leadwise.Core.Outreach;
using Leadwise.Data.Storage;
using Leadwise.Data.Storage.LeadList;
using Leadwise.Data.Tests.Support;
using Leadwise.Generator;
using Leadwise.Generator.Writing;
using Leadwise.Testing.Postgres;

namespace Leadwise.Data.Tests.Storage;

/// <summary>
/// The account-scoped reads on both backends, over a generated store with several accounts (users owning campaigns):
/// every scoped read returns exactly the rows of the account's campaigns, which the test derives from the export itself;
/// another account's row answers as a missing one does; no account reads every account.
/// </summary>
public abstract class AccountScopeTests : IAsyncLifetime
{
    private readonly StoreBackend _backend;
    private TestStore _test = null!;
    private GeneratedExport _export = null!;
    private List<Lead> _leads = null!;

    private protected AccountScopeTests(StoreBackend backend) => _backend = backend;

    public async Task InitializeAsync()
    {
        _test = await TestStore.CreateAsync(_backend);
        _export = new OutreachGenerator().Generate(new GeneratorOptions { LeadCount = 600, Seed = 5 });
        var folder = _test.Folder("export");
        await new GeneratedExportWriter().WriteAsync(_export, folder, progress: null, CancellationToken.None);
        (await _test.ImportAsync(folder)).AssertSucceeded();
        (await _test.ImportEventsAsync(Path.Combine(folder, Leadwise.Data.Export.EventsTable.Instance.FileName))).AssertSucceeded();
        _leads = [.. _export.Leads()];
    }

    public async Task DisposeAsync() => await _test.DisposeAsync();

    [SkippableFact]
    public async Task Should_HaveSeveralAccountsWithLeads_SoTheScopeIsTested()
    {
        var owners = _leads.Select(l => OwnerOf(l.CampaignId)).Distinct().Count();

        Assert.True(owners >= 2, $"the generated store has leads of {owners} account(s)");
        Assert.Equal(_export.Users.Count, await _test.Store.ReadUsersAsync(CancellationToken.None).CountAsync());
    }

    [SkippableFact]
    public async Task FindLead_InAnAccount_FindsOnlyItsOwnLeads_AndAnotherAccountsLeadAnswersAsAMissingOne()
    {
        foreach (var user in _export.Users)
        {
            // Given
            var own = _leads.FirstOrDefault(l => OwnerOf(l.CampaignId) == user.Id);
            var other = _leads.First(l => OwnerOf(l.CampaignId) != user.Id);

            // When
            var foundOther = await _test.Store.FindLeadAsync(other.Id, user.Id, CancellationToken.None);
            var missing = await _test.Store.FindLeadAsync(new LeadId(987_654_321), user.Id, CancellationToken.None);

            // Then
            if (own is not null)
            {
                Assert.Equal(own.Id, (await _test.Store.FindLeadAsync(own.Id, user.Id, CancellationToken.None))?.Id);
            }

            Assert.Null(foundOther);
            Assert.Null(missing);
            Assert.Equal(other.Id, (await _test.Store.FindLeadAsync(other.Id, account: null, CancellationToken.None))?.Id);
        }
    }

    [SkippableFact]
    public async Task Campaigns_OfAnAccount_AreExactlyTheOnesItOwns_AndOneOfAnotherAccountIsNotFound()
    {
        foreach (var user in _export.Users)
        {
            var expected = _export.Campaigns.Where(c => c.UserId == user.Id).Select(c => c.Id).OrderBy(id => id.Value).ToList();

            var read = await _test.Store.ReadCampaignsAsync(user.Id, CancellationToken.None).Select(c => c.Id).ToListAsync();

            Assert.Equal(expected, read);
            foreach (var campaign in _export.Campaigns)
            {
                var found = await _test.Store.FindCampaignAsync(campaign.Id, user.Id, CancellationToken.None);
                Assert.Equal(campaign.UserId == user.Id ? campaign.Id : null, found?.Id);
            }
        }

        Assert.Equal(_export.Campaigns.Count, await _test.Store.ReadCampaignsAsync(account: null, CancellationToken.None).CountAsync());
        Assert.Null(await _test.Store.FindCampaignAsync(new CampaignId(987_654_321), account: null, CancellationToken.None));
    }

    [SkippableFact]
    public async Task LeadCounts_PerCampaign_CountOnlyTheAccountsLeads()
    {
        foreach (var account in _export.Users.Select(u => (UserId?)u.Id).Append(null))
        {
            var expected = _leads.Where(l => account is null || OwnerOf(l.CampaignId) == account)
                .GroupBy(l => l.CampaignId).ToDictionary(g => g.Key, g => g.Count());

            var counts = await _test.Store.CountLeadsPerCampaignAsync(account, CancellationToken.None);

            Assert.Equal(expected.OrderBy(p => p.Key.Value), counts.OrderBy(p => p.Key.Value));
        }
    }

    [SkippableFact]
    public async Task LeadList_OfAnAccount_ListsExactlyItsLeads_WithEveryOtherFilterOnTop()
    {
        foreach (var user in _export.Users)
        {
            // Given
            var own = _leads.Where(l => OwnerOf(l.CampaignId) == user.Id).Select(l => l.Id.Value).Order().ToList();
            var otherCampaign = _export.Campaigns.First(c => c.UserId != user.Id).Id;

            // When: every lead is unscored, so the order is by id
            var pages = new List<long>();
            LeadListPage page;
            do
            {
                page = await _test.Store.ReadLeadListAsync(new LeadListQuery { Account = user.Id, Offset = pages.Count, Limit = LeadListQuery.MaxLimit }, CancellationToken.None);
                pages.AddRange(page.Leads.Select(l => l.Id.Value));
            }
            while (page.Leads.Count == LeadListQuery.MaxLimit);

            var ofOtherCampaign = await _test.Store.ReadLeadListAsync(new LeadListQuery { Account = user.Id, Campaign = otherCampaign }, CancellationToken.None);

            // Then
            Assert.Equal(own, pages);
            Assert.Equal(own.Count, page.Total);
            Assert.Empty(ofOtherCampaign.Leads);
            Assert.Equal(0, ofOtherCampaign.Total);
        }

        Assert.Equal(_leads.Count, (await _test.Store.ReadLeadListAsync(new LeadListQuery(), CancellationToken.None)).Total);
    }

    [SkippableFact]
    public async Task LeadList_TextSearch_InAnAccount_NeverFindsAnotherAccountsLead()
    {
        // Given: a name that occurs in more than one account
        var shared = _leads.GroupBy(l => l.LastName).Where(g => !string.IsNullOrEmpty(g.Key))
            .Where(g => g.Select(l => OwnerOf(l.CampaignId)).Distinct().Count() > 1)
            .OrderByDescending(g => g.Key!.Length).ThenBy(g => g.Key, StringComparer.Ordinal).First();
        var user = OwnerOf(shared.First().CampaignId);

        // When
        var page = await _test.Store.ReadLeadListAsync(new LeadListQuery { Account = user, Text = shared.Key, Limit = LeadListQuery.MaxLimit }, CancellationToken.None);

        // Then: every match is the account's own, and its own leads with that name are among them
        var ownIds = _leads.Where(l => OwnerOf(l.CampaignId) == user).Select(l => l.Id).ToHashSet();
        Assert.NotEmpty(page.Leads);
        Assert.All(page.Leads, l => Assert.Contains(l.Id, ownIds));
        Assert.Superset(shared.Where(l => OwnerOf(l.CampaignId) == user).Select(l => l.Id).ToHashSet(), page.Leads.Select(l => l.Id).ToHashSet());
    }

    [SkippableFact]
    public async Task WholeTables_OfAnAccount_AreExactlyItsRows_AndTheirCountsToo()
    {
        var events = _export.Events().ToList();
        var snapshots = _export.Snapshots().ToList();
        Assert.NotEmpty(events);
        foreach (var user in _export.Users)
        {
            // Given: what the account holds, from the export itself
            var campaigns = _export.Campaigns.Where(c => c.UserId == user.Id).Select(c => c.Id).ToHashSet();
            var leads = _leads.Where(l => campaigns.Contains(l.CampaignId)).Select(l => l.Id.Value).Order().ToList();
            var leadSet = leads.ToHashSet();
            var messages = _export.Messages.Where(m => campaigns.Contains(m.CampaignId)).Select(m => (m.CampaignId.Value, m.Order)).Order().ToList();
            var ownSnapshots = snapshots.Where(s => campaigns.Contains(s.CampaignId)).Select(s => s.Id.Value).Order().ToList();
            var ownEvents = events.Count(e => leadSet.Contains(e.LeadId.Value));

            // When
            var store = _test.Store;
            var readLeads = await store.ReadLeadsAsync(user.Id, CancellationToken.None).Select(l => l.Id.Value).ToListAsync();
            var readMessages = await store.ReadMessagesAsync(user.Id, CancellationToken.None).Select(m => (m.CampaignId.Value, m.Order)).ToListAsync();
            var readSnapshots = await store.ReadSnapshotsAsync(user.Id, CancellationToken.None).Select(s => s.Id.Value).ToListAsync();
            var readEvents = await store.ReadEventsAsync(user.Id, CancellationToken.None).ToListAsync();
            var readUsers = await store.ReadUsersAsync(user.Id, CancellationToken.None).Select(u => u.Id).ToListAsync();
            var counts = await store.CountAsync(user.Id, CancellationToken.None);

            // Then
            Assert.Equal(leads, readLeads);
            Assert.Equal(messages, readMessages);
            Assert.Equal(ownSnapshots, readSnapshots);
            Assert.Equal(ownEvents, readEvents.Count);
            Assert.All(readEvents, e => Assert.Contains(e.LeadId.Value, leadSet));
            Assert.Equal(readEvents.OrderBy(e => e.LeadId.Value).ThenBy(e => e.OccurredAt).Select(e => e.LeadId), readEvents.Select(e => e.LeadId));
            Assert.Equal([user.Id], readUsers);
            Assert.Equal(new StoreCounts(1, campaigns.Count, messages.Count, leads.Count, ownSnapshots.Count), counts);
        }

        Assert.Equal(await _test.Store.CountAsync(CancellationToken.None), await _test.Store.CountAsync(account: null, CancellationToken.None));
        Assert.Equal(_leads.Count, await _test.Store.ReadLeadsAsync(account: null, CancellationToken.None).CountAsync());
        Assert.Empty(await _test.Store.ReadLeadsAsync(new UserId(987_654_321), CancellationToken.None).ToListAsync());
    }

    private UserId OwnerOf(CampaignId campaign) => _export.Campaigns.Single(c => c.Id == campaign).UserId;
}

/// <summary>The suite on a SQLite file.</summary>
public sealed class SqliteAccountScopeTests() : AccountScopeTests(StoreBackend.Sqlite);

/// <summary>The suite on the run's throwaway PostgreSQL server, a database per store.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresAccountScopeTests(PostgresServerFixture server) : AccountScopeTests(StoreBackend.Postgres(server));
