using Leadwise.Core.Outreach;
using Leadwise.Data.Export;
using Leadwise.Data.Storage;
using Leadwise.Data.Tests.Support;
using Leadwise.Testing.Exports;
using Leadwise.Testing.Outreach;
using Leadwise.Testing.Postgres;
using static Leadwise.Testing.Exports.OutreachExportText;

namespace Leadwise.Data.Tests.Import;

/// <summary>Re-imports upsert, and import → export → import loses nothing.</summary>
public abstract class OutreachImporterRoundTripTests : IAsyncLifetime
{
    private readonly StoreBackend _backend;

    private protected OutreachImporterRoundTripTests(StoreBackend backend) => _backend = backend;

    private TestStore _store = null!;

    public async Task InitializeAsync() => _store = await TestStore.CreateAsync(_backend);

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [SkippableFact]
    public async Task Import_SameExportTwice_GivesTheSameCountsAndRows()
    {
        // Given
        var export = new ExportFolderBuilder().AddColumn(Leads, "leadScore", "17", "", "3");
        (await _store.ImportAsync(export)).AssertSucceeded();
        var counts = await _store.CountAsync();
        var rows = await _store.ReadAllAsync();

        // When
        var report = await _store.ImportAsync(export);

        // Then
        report.AssertSucceeded();
        Assert.Equal(counts, await _store.CountAsync());
        (await _store.ReadAllAsync()).AssertSameRowsAs(rows);
        Assert.Equal(["leadScore"], await _store.Store.ReadExtraColumnsAsync(StoreTable.Leads, CancellationToken.None));
    }

    [SkippableFact]
    public async Task Import_NewerExportWithChangedValue_UpsertsTheRow()
    {
        // Given
        (await _store.ImportAsync(new ExportFolderBuilder())).AssertSucceeded();
        var before = await _store.ReadAllAsync();
        var newer = new ExportFolderBuilder()
            .SetField(Leads, AnnaLine, "title", "CEO")
            .SetField(Leads, JoergLine, "secondFollowUpSentAt", "2023-10-05 09:00:00+00");

        // When
        (await _store.ImportAsync(newer)).AssertSucceeded();

        // Then
        Assert.Equal(new StoreCounts(2, 2, 4, 3, 2), await _store.CountAsync());
        var after = await _store.ReadAllAsync();
        var anna = after.Leads.Single(l => l.Id.Value == AnnaLeadId);
        var joerg = after.Leads.Single(l => l.Id.Value == JoergLeadId);
        Assert.Equal("CEO", anna.Title);
        Assert.Equal(before.Leads.Single(l => l.Id.Value == AnnaLeadId) with { Title = "CEO" }, anna);
        Assert.Equal(new DateTimeOffset(2023, 10, 5, 9, 0, 0, TimeSpan.Zero), joerg.SecondFollowUpSentAt);
        Assert.Equal(before.Leads.Single(l => l.Id.Value == ClaireLeadId), after.Leads.Single(l => l.Id.Value == ClaireLeadId));
        Assert.Equal(before.Messages, after.Messages);
    }

    [SkippableFact]
    public async Task ImportExportImport_GivesIdenticalRowsInAllFiveTables()
    {
        // Given
        var export = new ExportFolderBuilder()
            .AddColumn(Leads, "leadScore", "17", "", "\"8, maybe\"")
            .AddColumn(Users, "plan", "gold", "");
        (await _store.ImportAsync(export)).AssertSucceeded();
        var exported = _store.Folder("exported");

        // When
        var written = await new StoreExporter(_store.Store).ExportAsync(exported, progress: null, CancellationToken.None);
        await using var second = await TestStore.CreateAsync(_backend);
        var report = await second.ImportAsync(exported);

        // Then
        report.AssertSucceeded();
        Assert.Equal(await _store.CountAsync(), written);
        Assert.Equal(await _store.CountAsync(), await second.CountAsync());
        (await second.ReadAllAsync()).AssertSameRowsAs(await _store.ReadAllAsync());
        foreach (var table in Enum.GetValues<StoreTable>())
        {
            Assert.Equal(
                await _store.Store.ReadExtraColumnsAsync(table, CancellationToken.None),
                await second.Store.ReadExtraColumnsAsync(table, CancellationToken.None));
        }
    }

    [SkippableFact]
    public async Task Export_AfterImportWithUnknownColumn_WritesTheColumnAndItsValuesBack()
    {
        // Given
        (await _store.ImportAsync(new ExportFolderBuilder().AddColumn(Leads, "leadScore", "17", "", "\"8, maybe\""))).AssertSucceeded();
        var exported = _store.Folder("exported");

        // When
        await new StoreExporter(_store.Store).ExportAsync(exported, progress: null, CancellationToken.None);

        // Then
        var lines = (await File.ReadAllTextAsync(Path.Combine(exported, Leads))).Split('\n');
        Assert.Equal(LeadsHeader + ",leadScore", lines[0]);
        Assert.EndsWith(",\"8, maybe\"", lines[1], StringComparison.Ordinal); // id 5 (Claire) sorts first
        Assert.EndsWith(",", lines[2], StringComparison.Ordinal);
        Assert.EndsWith(",17", lines[3], StringComparison.Ordinal);
        Assert.Equal(string.Empty, lines[4]);
    }

    [SkippableFact]
    public async Task Export_Twice_WritesTheSameBytes()
    {
        // Given
        (await _store.ImportAsync(new ExportFolderBuilder())).AssertSucceeded();
        var first = _store.Folder("first");
        var second = _store.Folder("second");

        // When
        await new StoreExporter(_store.Store).ExportAsync(first, progress: null, CancellationToken.None);
        await new StoreExporter(_store.Store).ExportAsync(second, progress: null, CancellationToken.None);

        // Then
        foreach (var file in FileNames)
        {
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(first, file)), await File.ReadAllBytesAsync(Path.Combine(second, file)));
        }

        var messages = await File.ReadAllTextAsync(Path.Combine(first, Messages));
        Assert.Contains("\"" + MultiLineContent.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"", messages, StringComparison.Ordinal);
        Assert.NotEqual(0xEF, (await File.ReadAllBytesAsync(Path.Combine(first, Users)))[0]); // UTF-8 without BOM
    }

    [SkippableFact]
    public async Task WriterThenImport_GivesBackTheRecordsThatWereWritten()
    {
        // Given
        var folder = _store.Folder("written");
        var writer = new OutreachExportWriter(folder);
        User[] users = [new UserBuilder().Build(), new UserBuilder().WithId(2).OfCompany("Zweite, GmbH").WithRole("User").Build()];
        Campaign[] campaigns = [new CampaignBuilder().Build(), new CampaignBuilder().WithId(SalesNavCampaignId).OwnedBy(2).Build()];
        Message[] messages =
        [
            new MessageBuilder().Build(),
            new MessageBuilder().AtOrder(1).WithContent(MultiLineContent).WithInterval(1.5).Build(),
        ];
        Lead[] leads =
        [
            new LeadBuilder().WithId(7).RepliedAtStep(2).WithExtra("leadScore", "9").Build(),
            new LeadBuilder().WithId(AnnaLeadId).InCampaign(SalesNavCampaignId).OwnedBy(null).Named("jörg \"der Große\" müller").SentStepsUpTo(0).WithExtra("leadScore", null).Build(),
        ];
        CampaignSnapshot[] snapshots = [new SnapshotBuilder().Build(), new SnapshotBuilder().WithId(3).OfCampaign(SalesNavCampaignId).Build()];

        // When
        await writer.WriteUsersAsync(users.ToAsyncEnumerable(), CancellationToken.None);
        await writer.WriteCampaignsAsync(campaigns.ToAsyncEnumerable(), CancellationToken.None);
        await writer.WriteMessagesAsync(messages.ToAsyncEnumerable(), CancellationToken.None);
        await writer.WriteLeadsAsync(leads.ToAsyncEnumerable(), CancellationToken.None, ["leadScore"]);
        await writer.WriteSnapshotsAsync(snapshots.ToAsyncEnumerable(), CancellationToken.None);
        var report = await _store.ImportAsync(folder);

        // Then
        report.AssertSucceeded();
        var contents = await _store.ReadAllAsync();
        Assert.Equal(users, contents.Users);
        Assert.Equal(campaigns, contents.Campaigns);
        Assert.Equal(messages, contents.Messages);
        Assert.Equal(leads, contents.Leads);
        Assert.Equal(snapshots.OrderBy(s => s.Id.Value), contents.Snapshots);
        Assert.Equal(2, contents.Leads[0].ReplyStep);
    }
}

/// <summary>The suite on a SQLite file.</summary>
public sealed class SqliteOutreachImporterRoundTripTests() : OutreachImporterRoundTripTests(StoreBackend.Sqlite);

/// <summary>The suite on the run's throwaway PostgreSQL server, a database per store.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresOutreachImporterRoundTripTests(PostgresServerFixture server) : OutreachImporterRoundTripTests(StoreBackend.Postgres(server));
