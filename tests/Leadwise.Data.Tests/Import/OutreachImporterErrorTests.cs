using Leadwise.Core.Outreach;
using Leadwise.Data.Storage;
using Leadwise.Data.Tests.Support;
using Leadwise.Testing.Exports;
using static Leadwise.Testing.Exports.OutreachExportText;

namespace Leadwise.Data.Tests.Import;

/// <summary>Bad input: every problem is reported at its file, physical line and column, with the column's name and a reason.</summary>
public sealed class OutreachImporterErrorTests : IAsyncLifetime
{
    private static readonly StoreCounts Nothing = new(0, 0, 0, 0, 0);

    private TestStore _store = null!;

    public async Task InitializeAsync() => _store = await TestStore.CreateAsync();

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task Import_WhenRequiredColumnIsMissing_NamesFileAndColumnAndImportsNothing()
    {
        // Given
        var export = new ExportFolderBuilder().RemoveColumn(Leads, "campaignId");

        // When
        var report = await _store.ImportAsync(export);

        // Then
        var error = report.SingleError();
        error.AssertAt(Leads, 1, null, "campaignId");
        Assert.Contains("required column is missing", error.Message, StringComparison.Ordinal);
        Assert.Equal("Leads.csv:1: column \"campaignId\": required column is missing from the header", error.ToString());
        Assert.False(report.Committed);
        Assert.Equal(Nothing, await _store.CountAsync());
    }

    [Fact]
    public async Task Import_WhenOptionalColumnIsMissing_WarnsAndImportsNull()
    {
        // Given
        var export = new ExportFolderBuilder().RemoveColumn(Leads, "city");

        // When
        var report = await _store.ImportAsync(export);

        // Then
        report.AssertSucceeded();
        var warning = report.SingleWarning();
        warning.AssertAt(Leads, 1, null, "city");
        Assert.Contains("missing from the header", warning.Message, StringComparison.Ordinal);
        var anna = await _store.Store.FindLeadAsync(new LeadId(AnnaLeadId), CancellationToken.None);
        Assert.Null(anna!.City);
        Assert.Equal("Germany", anna.Country);
    }

    [Fact]
    public async Task Import_WhenColumnIsUnknown_WarnsAtItsHeaderFieldAndKeepsItsValues()
    {
        // Given
        var export = new ExportFolderBuilder().AddColumn(Leads, "leadScore", "17", "", "\"8, maybe\"");

        // When
        var report = await _store.ImportAsync(export);

        // Then
        report.AssertSucceeded();
        var warning = report.SingleWarning();
        warning.AssertAt(Leads, export.Locate(Leads, "leadScore"), "leadScore");
        Assert.Contains("unknown column", warning.Message, StringComparison.Ordinal);
        var leads = (await _store.ReadAllAsync()).Leads;
        Assert.Equal("17", leads.Single(l => l.Id.Value == AnnaLeadId).Extra["leadScore"]);
        Assert.Null(leads.Single(l => l.Id.Value == JoergLeadId).Extra["leadScore"]);
        Assert.Equal("8, maybe", leads.Single(l => l.Id.Value == ClaireLeadId).Extra["leadScore"]);
        Assert.Equal(["leadScore"], await _store.Store.ReadExtraColumnsAsync(StoreTable.Leads, CancellationToken.None));
    }

    [Fact]
    public async Task Import_WhenHeaderDiffersOnlyInCase_WarnsWithHintAndReportsRequiredColumnMissing()
    {
        // Given
        var export = new ExportFolderBuilder().ReplaceHeader(Leads, LeadsHeader.Replace(",campaignId,", ",CampaignId,", StringComparison.Ordinal));

        // When
        var report = await _store.ImportAsync(export);

        // Then
        report.SingleError().AssertAt(Leads, 1, null, "campaignId");
        var warning = report.SingleWarning();
        warning.AssertAt(Leads, export.Locate(Leads, "CampaignId"), "CampaignId");
        Assert.Contains("did you mean \"campaignId\"", warning.Message, StringComparison.Ordinal);
        Assert.Equal(Nothing, await _store.CountAsync());
    }

    [Fact]
    public async Task Import_WhenHeaderNamesAColumnTwice_ReportsTheSecondOne()
    {
        // Given
        var export = new ExportFolderBuilder().ReplaceHeader(Users, UsersHeader.Replace(",role,", ",email,", StringComparison.Ordinal));

        // When
        var report = await _store.ImportAsync(export);

        // Then
        var error = report.Errors.First();
        error.AssertAt(Users, 1, UsersHeader.IndexOf(",role,", StringComparison.Ordinal) + 2, "email");
        Assert.Contains("twice", error.Message, StringComparison.Ordinal);
        Assert.False(report.Committed);
    }

    [Fact]
    public async Task Import_WhenBooleanIsNotTOrF_ReportsLineAndColumn()
    {
        // Given
        var export = new ExportFolderBuilder().SetField(Leads, JoergLine, "replied", "yes");

        // When
        var report = await _store.ImportAsync(export);

        // Then
        var error = report.SingleError();
        var (line, column) = export.Locate(Leads, ",yes,");
        error.AssertAt(Leads, line, column + 1, "replied");
        Assert.Equal(3, line);
        Assert.Equal($"Leads.csv:3:{column + 1}: column \"replied\": expected t or f, got \"yes\"", error.ToString());
        Assert.False(report.Committed);
        Assert.Equal(Nothing, await _store.CountAsync());
    }

    [Theory]
    [InlineData("2023-10-19 10:31:45.096")]
    [InlineData("19.10.2023 10:31:45+00")]
    [InlineData("2023-02-30 10:31:45+00")]
    [InlineData("2023-10-19 24:00:00+00")]
    [InlineData("2023-10-19 10:31:45.+00")]
    [InlineData("2023-10-19 10:31:45+0")]
    [InlineData("yesterday")]
    [InlineData("0001-01-01 00:00:00+05")]
    public async Task Import_WhenTimestampIsMalformed_ReportsLineAndColumn(string text)
    {
        // Given
        var export = new ExportFolderBuilder().SetField(Leads, ClaireLine, "inviteSentAt", text);

        // When
        var report = await _store.ImportAsync(export);

        // Then
        var error = report.SingleError();
        var (line, column) = export.Locate(Leads, "," + text + ",");
        error.AssertAt(Leads, line, column + 1, "inviteSentAt");
        Assert.Equal(ClaireLine, line);
        Assert.Contains("expected a timestamp with a UTC offset", error.Message, StringComparison.Ordinal);
        Assert.Contains($"got \"{text}\"", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("inviteAttempts", "1.5")]
    [InlineData("existingMessagesCount", "n/a")]
    [InlineData("existingMessagesCount", "99999999999")]
    [InlineData("id", "12x")]
    public async Task Import_WhenIntegerIsMalformed_ReportsLineAndColumn(string columnName, string text)
    {
        // Given
        var export = new ExportFolderBuilder().SetField(Leads, JoergLine, columnName, text);

        // When
        var report = await _store.ImportAsync(export);

        // Then
        var error = report.SingleError();
        var (line, column) = export.Locate(Leads, text + ",");
        error.AssertAt(Leads, line, column, columnName);
        Assert.Contains($"expected a whole number, got \"{text}\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_WhenRequiredValueIsEmpty_ReportsLineAndColumn()
    {
        // Given
        var export = new ExportFolderBuilder().SetField(Campaigns, 3, "userId", "");

        // When
        var report = await _store.ImportAsync(export);

        // Then
        var error = report.Errors.First();
        error.AssertAt(Campaigns, export.Locate(Campaigns, "STOPPED,0,0,0,0,,").Line, export.Locate(Campaigns, "STOPPED,0,0,0,0,,").Column + 16, "userId");
        Assert.Contains("a value is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_WhenLeadReferencesUnknownCampaign_ReportsTheCampaignIdField()
    {
        // Given
        var export = new ExportFolderBuilder().SetField(Leads, JoergLine, "campaignId", "31337");

        // When
        var report = await _store.ImportAsync(export);

        // Then
        var error = report.SingleError();
        error.AssertAt(Leads, export.Locate(Leads, "31337"), "campaignId");
        Assert.Contains("campaign 31337 is neither in Campaigns.csv nor in the store", error.Message, StringComparison.Ordinal);
        Assert.Equal(Nothing, await _store.CountAsync());
    }

    [Fact]
    public async Task Import_WhenLeadReferencesUnknownUser_ReportsTheUserIdField()
    {
        // Given
        var export = new ExportFolderBuilder().SetField(Leads, ClaireLine, "userId", "4711");

        // When
        var report = await _store.ImportAsync(export);

        // Then
        var error = report.SingleError();
        error.AssertAt(Leads, export.Locate(Leads, "4711"), "userId");
        Assert.Contains("user 4711 is neither in Users.csv nor in the store", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_WhenCampaignReferencesUnknownUser_ReportsItAndTheRowsThatNeedTheCampaign()
    {
        // Given
        var export = new ExportFolderBuilder().SetField(Campaigns, 3, "userId", "4711");

        // When
        var report = await _store.ImportAsync(export);

        // Then
        var first = report.Errors[0];
        first.AssertAt(Campaigns, export.Locate(Campaigns, "4711"), "userId");
        Assert.Contains("user 4711 is neither in Users.csv nor in the store", first.Message, StringComparison.Ordinal);
        Assert.False(report.Committed);
        Assert.Equal(Nothing, await _store.CountAsync());
    }

    [Fact]
    public async Task Import_WhenIdIsDuplicatedInFile_ReportsTheSecondOccurrence()
    {
        // Given
        var export = new ExportFolderBuilder().AppendLine(Leads, LeadRow(JoergLeadId, SalesNavCampaignId, name: "Doppelt"));

        // When
        var report = await _store.ImportAsync(export);

        // Then
        var error = report.SingleError();
        error.AssertAt(Leads, 5, 1, "id");
        Assert.Contains("duplicate id 12", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_WhenCampaignAndOrderAreDuplicated_ReportsTheMessageKey()
    {
        // Given
        var export = new ExportFolderBuilder().AppendLine(Messages, "2,LINKEDIN,9007199254740995,Again,Noch einmal,,,1,,");

        // When
        var report = await _store.ImportAsync(export);

        // Then
        var error = report.SingleError();
        error.AssertAt(Messages, 9, 1, "order");
        Assert.Contains("duplicate message 2-9007199254740995", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_WhenQuoteIsNeverClosed_ReportsWhereTheQuotedFieldStarts()
    {
        // Given
        var export = new ExportFolderBuilder().SetField(Leads, ClaireLine, "skipReason", "\"already connected");

        // When
        var report = await _store.ImportAsync(export);

        // Then
        var error = report.SingleError();
        error.AssertAt(Leads, export.Locate(Leads, "\"already"), null);
        Assert.Contains("never closed", error.Message, StringComparison.Ordinal);
        Assert.Equal(Nothing, await _store.CountAsync());
    }

    [Fact]
    public async Task Import_WhenQuoteStandsInsideUnquotedField_ReportsTheQuote()
    {
        // Given
        var export = new ExportFolderBuilder().SetField(Leads, JoergLine, "lastName", "O\"Reilly");

        // When
        var report = await _store.ImportAsync(export);

        // Then
        var error = report.SingleError();
        error.AssertAt(Leads, export.Locate(Leads, "\"Reilly"), null);
        Assert.Contains("a quote (\") inside an unquoted field", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_WhenRowHasTooManyFields_ReportsTheFirstSurplusField()
    {
        // Given
        var export = new ExportFolderBuilder().ReplaceLine(Leads, JoergLine, new ExportFolderBuilder().TextOf(Leads).Split('\n')[JoergLine - 1] + ",surplus");

        // When
        var report = await _store.ImportAsync(export);

        // Then
        var error = report.SingleError();
        error.AssertAt(Leads, export.Locate(Leads, "surplus"), null);
        Assert.Contains("expected 33 fields as in the header, found 34", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_WhenRowHasTooFewFields_ReportsTheEndOfTheRecord()
    {
        // Given
        var line = new ExportFolderBuilder().TextOf(Leads).Split('\n')[JoergLine - 1];
        var shortened = line[..line.LastIndexOf(',')];
        var export = new ExportFolderBuilder().ReplaceLine(Leads, JoergLine, shortened);

        // When
        var report = await _store.ImportAsync(export);

        // Then
        var error = report.SingleError();
        error.AssertAt(Leads, JoergLine, shortened.Length + 1, null);
        Assert.Contains("expected 33 fields as in the header, found 32", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_WhenFileIsLatin1_ReportsLineAndColumnOfTheFirstNonUtf8ByteAndImportsNothing()
    {
        // Given
        var export = new ExportFolderBuilder()
            .SetField(Leads, JoergLine, "name", "jäger")
            .WithEncoding(Leads, FileEncoding.Latin1);

        // When
        var report = await _store.ImportAsync(export);

        // Then
        var error = report.SingleError();
        var (line, column) = export.Locate(Leads, "äger");
        error.AssertAt(Leads, line, column, null);
        Assert.Equal(JoergLine, line);
        Assert.Contains("not valid UTF-8 (byte 0xE4 here)", error.Message, StringComparison.Ordinal);
        Assert.False(report.Committed);
        Assert.Equal(Nothing, await _store.CountAsync());
    }

    [Fact]
    public async Task Import_WhenFileIsUtf16_SaysSoAndImportsNothing()
    {
        // Given
        var export = new ExportFolderBuilder().WithEncoding(Users, FileEncoding.Utf16WithBom);

        // When
        var report = await _store.ImportAsync(export);

        // Then: the campaigns that need those users are rejected too, after the file's own error
        var error = report.Errors[0];
        error.AssertAt(Users, 1, 1, null);
        Assert.Contains("UTF-16", error.Message, StringComparison.Ordinal);
        Assert.False(report.Committed);
        Assert.Equal(Nothing, await _store.CountAsync());
    }

    [Fact]
    public async Task Import_WhenFileIsEmpty_SaysItExpectedAHeader()
    {
        // Given
        var export = new ExportFolderBuilder().Empty(Campaigns);

        // When
        var report = await _store.ImportAsync(export);

        // Then
        var error = report.Errors[0];
        error.AssertAt(Campaigns, null, null, null);
        Assert.Contains("the file is empty; expected a header row: id,name,type", error.Message, StringComparison.Ordinal);
        Assert.False(report.Committed);
        Assert.Equal(Nothing, await _store.CountAsync());
    }

    [Fact]
    public async Task Import_WhenFileIsMissing_NamesItAndImportsNothing()
    {
        // Given
        var export = new ExportFolderBuilder().Without(Records);

        // When
        var report = await _store.ImportAsync(export);

        // Then
        var error = report.SingleError();
        Assert.Equal(Records, Path.GetFileName(error.File));
        Assert.Null(error.Line);
        Assert.Contains("file is missing", error.Message, StringComparison.Ordinal);
        Assert.False(report.Committed);
        Assert.Equal(Nothing, await _store.CountAsync());
    }

    [Fact]
    public async Task Import_WhenRowAfterMultiLineMessageIsBad_ReportsItsPhysicalLine()
    {
        // Given
        var export = new ExportFolderBuilder().SetField(Messages, MessageAfterMultiLineLine, "interval", "eins");

        // When
        var report = await _store.ImportAsync(export);

        // Then
        var error = report.SingleError();
        error.AssertAt(Messages, export.Locate(Messages, "eins"), "interval");
        Assert.Equal(7, error.Line);
        Assert.Equal("2,LINKEDIN,9007199254740995,Follow-up 2,\"Kurze Nachfrage, {{ first_name }}.\",Dear,Dear,".Length + 1, error.Column);
    }

    [Fact]
    public async Task Import_WhenFieldOnLastLineOfMultiLineRecordIsBad_ReportsThatLine()
    {
        // Given
        var export = new ExportFolderBuilder().Replace(Messages, "Moin,Moin,1,", "Moin,Moin,x1,");

        // When
        var report = await _store.ImportAsync(export);

        // Then
        var error = report.SingleError();
        error.AssertAt(Messages, export.Locate(Messages, "x1"), "interval");
        Assert.Equal((6, "— Team Ä\",Moin,Moin,".Length + 1), (error.Line!.Value, error.Column!.Value));
    }

    [Fact]
    public async Task Import_WhenRowAfterMultiLineMessageIsBadInCrlfFile_ReportsItsPhysicalLine()
    {
        // Given
        var export = new ExportFolderBuilder().SetField(Messages, MessageAfterMultiLineLine, "interval", "eins").WithCrlf(Messages);

        // When
        var report = await _store.ImportAsync(export);

        // Then
        report.SingleError().AssertAt(Messages, export.Locate(Messages, "eins"), "interval");
    }

    [Fact]
    public async Task Import_WhenBlankLinePrecedesBadRow_CountsTheBlankLine()
    {
        // Given
        var export = new ExportFolderBuilder()
            .SetField(Leads, ClaireLine, "replied", "ja")
            .InsertLine(Leads, ClaireLine, string.Empty);

        // When
        var report = await _store.ImportAsync(export);

        // Then
        var error = report.SingleError();
        error.AssertAt(Leads, export.Locate(Leads, ",ja,").Line, export.Locate(Leads, ",ja,").Column + 1, "replied");
        Assert.Equal(ClaireLine + 1, error.Line);
    }

    [Fact]
    public async Task Import_WhenBadRowIsLastAndHasNoTrailingNewline_ReportsItsLine()
    {
        // Given
        var export = new ExportFolderBuilder().SetField(Leads, ClaireLine, "skip", "vielleicht").WithoutTrailingNewline(Leads);

        // When
        var report = await _store.ImportAsync(export);

        // Then
        report.SingleError().AssertAt(Leads, export.Locate(Leads, "vielleicht"), "skip");
    }

    [Fact]
    public async Task Import_WhenFileHasByteOrderMark_ReportsColumnsOfTheFirstLineWithoutCountingIt()
    {
        // Given
        var export = new ExportFolderBuilder().AddColumn(Users, "plan", "gold", "").WithUtf8Bom(Users);

        // When
        var report = await _store.ImportAsync(export);

        // Then
        report.SingleWarning().AssertAt(Users, 1, UsersHeader.Length + 2, "plan");
    }
}
