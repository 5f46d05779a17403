using System.Globalization;
using Leadwise.Core.Outreach;
using Leadwise.Core.Progress;
using Leadwise.Data.Import;
using Leadwise.Data.Storage;
using Leadwise.Data.Tests.Support;
using Leadwise.Testing.Exports;
using Leadwise.Testing.Postgres;
using static Leadwise.Testing.Exports.OutreachExportText;

namespace Leadwise.Data.Tests.Import;

/// <summary>All-or-nothing by default, good rows only with SkipBadRows, and how errors are listed and written.</summary>
public abstract class OutreachImporterTransactionTests : IAsyncLifetime
{
    private readonly StoreBackend _backend;

    private protected OutreachImporterTransactionTests(StoreBackend backend) => _backend = backend;

    private TestStore _store = null!;

    public async Task InitializeAsync() => _store = await TestStore.CreateAsync(_backend);

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [SkippableFact]
    public async Task Import_WhenOneLeadIsBad_CommitsNothingToAnEmptyStore()
    {
        // Given
        var export = new ExportFolderBuilder().SetField(Leads, ClaireLine, "replied", "ja");

        // When
        var report = await _store.ImportAsync(export);

        // Then
        Assert.False(report.Committed);
        Assert.Equal(1, report.ErrorCount);
        Assert.Equal(new StoreCounts(0, 0, 0, 0, 0), await _store.CountAsync());
        Assert.Empty(await _store.Store.ReadExtraColumnsAsync(StoreTable.Leads, CancellationToken.None));
    }

    [SkippableFact]
    public async Task Import_WhenOneLeadIsBad_LeavesAnEarlierImportUntouched()
    {
        // Given
        (await _store.ImportAsync(new ExportFolderBuilder())).AssertSucceeded();
        var before = await _store.ReadAllAsync();
        var newer = new ExportFolderBuilder()
            .SetField(Leads, AnnaLine, "title", "CEO")
            .SetField(Users, 2, "role", "SuperAdmin")
            .AppendLine(Leads, LeadRow(31, SalesNavCampaignId, AcmeUserId))
            .AppendLine(Leads, LeadRow(32, SalesNavCampaignId, AcmeUserId).Replace("+00,f,", "+00,maybe,", StringComparison.Ordinal))
            .AddColumn(Records, "region", "EU", "EU");

        // When
        var report = await _store.ImportAsync(newer);

        // Then
        Assert.False(report.Committed);
        report.SingleError().AssertAt(Leads, newer.Locate(Leads, "maybe"), "inviteAccepted");
        Assert.Equal(new StoreCounts(2, 2, 4, 3, 2), await _store.CountAsync());
        (await _store.ReadAllAsync()).AssertSameRowsAs(before);
        Assert.Empty(await _store.Store.ReadExtraColumnsAsync(StoreTable.Snapshots, CancellationToken.None));
    }

    [SkippableFact]
    public async Task Import_WhenValuesHoldNul_ReportsEachAtItsPlace_AndLeavesAnEarlierImportUntouched()
    {
        // Given: a clean import, then the same export with U+0000 in a lead's title and in an unknown column's value
        (await _store.ImportAsync(new ExportFolderBuilder())).AssertSucceeded();
        var before = await _store.ReadAllAsync();
        var newer = new ExportFolderBuilder()
            .SetField(Leads, ClaireLine, "title", "Head\0of Sales")
            .AddColumn(Records, "region", "EU", "E\0U");

        // When
        var report = await _store.ImportAsync(newer);

        // Then: two issues at the values' places naming their columns (the backend never saw them), nothing changed
        Assert.False(report.Committed);
        Assert.Equal(2, report.ErrorCount);
        report.Errors[0].AssertAt(Leads, newer.Locate(Leads, "Head\0of Sales"), "title");
        report.Errors[1].AssertAt(Records, newer.Locate(Records, "E\0U"), "region");
        Assert.All(report.Errors, e => Assert.Contains("NUL character (U+0000)", e.Message, StringComparison.Ordinal));
        Assert.EndsWith("(character 5 of the value); remove it", report.Errors[0].Message, StringComparison.Ordinal);
        (await _store.ReadAllAsync()).AssertSameRowsAs(before);
        Assert.Empty(await _store.Store.ReadExtraColumnsAsync(StoreTable.Snapshots, CancellationToken.None));
    }

    [SkippableFact]
    public async Task Import_WithSkipBadRows_RejectsTheRowWhoseValueHoldsNul_AndImportsTheRest()
    {
        // Given
        var export = new ExportFolderBuilder().SetField(Leads, JoergLine, "lastName", "M\0ller");

        // When
        var report = await _store.ImportAsync(export, new ImportOptions { SkipBadRows = true });

        // Then
        Assert.True(report.Committed);
        report.SingleError().AssertAt(Leads, export.Locate(Leads, "M\0ller"), "lastName");
        Assert.Null(await _store.Store.FindLeadAsync(new LeadId(JoergLeadId), CancellationToken.None));
        Assert.NotNull(await _store.Store.FindLeadAsync(new LeadId(ClaireLeadId), CancellationToken.None));
    }

    [SkippableFact]
    public async Task Import_WithSkipBadRows_ImportsTheGoodRowsAndReportsTheBadOne()
    {
        // Given
        var export = new ExportFolderBuilder().SetField(Leads, JoergLine, "replied", "ja");

        // When
        var report = await _store.ImportAsync(export, new ImportOptions { SkipBadRows = true });

        // Then
        Assert.True(report.Committed);
        report.SingleError().AssertAt(Leads, export.Locate(Leads, "ja,").Line, export.Locate(Leads, "ja,").Column, "replied");
        Assert.Equal((3L, 2L, 1L), (report.Table(Leads).RowsRead, report.Table(Leads).RowsImported, report.Table(Leads).RowsRejected));
        Assert.Equal(new StoreCounts(2, 2, 4, 2, 2), await _store.CountAsync());
        Assert.Null(await _store.Store.FindLeadAsync(new LeadId(JoergLeadId), CancellationToken.None));
        Assert.NotNull(await _store.Store.FindLeadAsync(new LeadId(ClaireLeadId), CancellationToken.None));
    }

    [SkippableFact]
    public async Task Import_WithSkipBadRows_RejectsRowsThatReferenceARejectedCampaign()
    {
        // Given
        var export = new ExportFolderBuilder().SetField(Campaigns, 3, "deleted", "nein");

        // When
        var report = await _store.ImportAsync(export, new ImportOptions { SkipBadRows = true });

        // Then
        Assert.True(report.Committed);
        Assert.Equal([Campaigns, Messages, Leads, Records], report.Errors.Select(e => e.File));
        Assert.All(report.Errors.Skip(1), e => Assert.Contains("campaign 77 is neither", e.Message, StringComparison.Ordinal));
        Assert.Equal(new StoreCounts(2, 1, 3, 2, 1), await _store.CountAsync());
    }

    [SkippableFact]
    public async Task Import_WhenReferencedCampaignAndUserAreOnlyInTheStore_AcceptsTheRows()
    {
        // Given
        (await _store.ImportAsync(new ExportFolderBuilder())).AssertSucceeded();
        var later = new ExportFolderBuilder()
            .HeaderOnly(Users)
            .HeaderOnly(Campaigns)
            .WithText(Messages, MessagesHeader + "\n3,LINKEDIN,9007199254740995,Follow-up 3,Letzte Nachricht,,,2,,\n")
            .WithText(Leads, LeadsHeader + "\n" + LeadRow(9007199254741001, SalesNavCampaignId, AcmeUserId) + "\n")
            .WithText(Records, RecordsHeader + "\n" + Row("4", "77", "42", "STOPPED", "", "", "", "", "", "", "", "", "", "", "", "", "", "") + "\n");

        // When
        var report = await _store.ImportAsync(later);

        // Then
        report.AssertSucceeded();
        Assert.Equal(new StoreCounts(2, 2, 5, 4, 3), await _store.CountAsync());
        var lead = await _store.Store.FindLeadAsync(new LeadId(9007199254741001), CancellationToken.None);
        Assert.Equal(new CampaignId(SalesNavCampaignId), lead!.CampaignId);
    }

    [SkippableTheory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Import_WhenErrorsExceedMaxErrors_ListsOnlyMaxErrorsButCountsAll(bool skipBadRows)
    {
        // Given
        var export = new ExportFolderBuilder();
        for (var id = 100; id < 105; id++)
        {
            export.AppendLine(Leads, LeadRow(id, SalesNavCampaignId).Replace("+00,f,", "+00,x,", StringComparison.Ordinal));
        }

        // When
        var report = await _store.ImportAsync(export, new ImportOptions { MaxErrors = 2, SkipBadRows = skipBadRows });

        // Then
        Assert.Equal(2, report.Errors.Count);
        Assert.Equal(5, report.ErrorCount);
        Assert.True(report.ErrorsTruncated);
        Assert.Equal([5, 6], report.Errors.Select(e => e.Line));
        Assert.Equal(5, report.Table(Leads).RowsRejected);
        Assert.Equal(skipBadRows, report.Committed);
    }

    [SkippableFact]
    public async Task Import_WithRejectsPath_WritesEachListedErrorWithItsRawRecord()
    {
        // Given
        var export = new ExportFolderBuilder()
            .SetField(Leads, JoergLine, "replied", "ja")
            .Replace(Messages, "Moin,Moin,1,", "Moin,Moin,x1,");
        var rejectsPath = _store.File("rejects.csv");

        // When
        var report = await _store.ImportAsync(export, new ImportOptions { RejectsPath = rejectsPath });

        // Then
        Assert.Equal(2, report.ErrorCount);
        var rejects = await File.ReadAllTextAsync(rejectsPath);
        var lines = rejects.Split('\n');
        Assert.Equal("file,line,column,columnName,reason,rawRecord", lines[0]);
        var (messageLine, messageColumn) = export.Locate(Messages, "x1");
        Assert.StartsWith(string.Create(CultureInfo.InvariantCulture, $"Messages.csv,{messageLine},{messageColumn},interval,\"expected a number such as 1 or 1.5, got \"\"x1\"\"\",\"1,LINKEDIN,9007199254740995,Follow-up 1,\"\"{{{{ salutation }}}}"), lines[1], StringComparison.Ordinal);
        Assert.Contains("— Team Ä\"\",Moin,Moin,x1,2023-09-01 09:00:00+00,\"", rejects, StringComparison.Ordinal);
        var joergRow = new ExportFolderBuilder().SetField(Leads, JoergLine, "replied", "ja").TextOf(Leads).Split('\n')[JoergLine - 1];
        var (leadLine, leadColumn) = export.Locate(Leads, "ja,");
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"\nLeads.csv,{leadLine},{leadColumn},replied,\"expected t or f, got \"\"ja\"\"\",\"{joergRow.Replace("\"", "\"\"", StringComparison.Ordinal)}\"\n"), rejects, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Import_WhenClean_WritesNoRejectsFile()
    {
        // Given
        var rejectsPath = _store.File("rejects.csv");

        // When
        (await _store.ImportAsync(new ExportFolderBuilder(), new ImportOptions { RejectsPath = rejectsPath })).AssertSucceeded();

        // Then
        Assert.False(File.Exists(rejectsPath));
    }

    [SkippableFact]
    public async Task Import_ReportsProgressEndingAtEachFilesLength()
    {
        // Given
        using var folder = new ExportFolderBuilder().Build();
        var updates = new List<ProgressUpdate>();

        // When
        var report = await new OutreachImporter(_store.Store).ImportAsync(folder.Path, new ImportOptions(), new SynchronousProgress(updates.Add), CancellationToken.None);

        // Then
        report.AssertSucceeded();
        var last = updates.GroupBy(u => u.Stage).ToDictionary(g => g.Key, g => g.Last());
        Assert.Equal(FileNames.Order(StringComparer.Ordinal), last.Keys.Order(StringComparer.Ordinal));
        Assert.All(FileNames, file => Assert.Equal(new FileInfo(folder.File(file)).Length, last[file].Done));
        Assert.All(last.Values, u => Assert.Equal(u.Done, u.Total));
    }

    private sealed class SynchronousProgress(Action<ProgressUpdate> report) : IProgress<ProgressUpdate>
    {
        public void Report(ProgressUpdate value) => report(value);
    }
}

/// <summary>The suite on a SQLite file.</summary>
public sealed class SqliteOutreachImporterTransactionTests() : OutreachImporterTransactionTests(StoreBackend.Sqlite);

/// <summary>The suite on the run's throwaway PostgreSQL server, a database per store.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresOutreachImporterTransactionTests(PostgresServerFixture server) : OutreachImporterTransactionTests(StoreBackend.Postgres(server));
