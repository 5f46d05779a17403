using Leadwise.Core.Outreach;
using Leadwise.Data.Tests.Support;
using Leadwise.Testing.Exports;
using static Leadwise.Testing.Exports.OutreachExportText;

namespace Leadwise.Data.Tests.Import;

/// <summary>The export's value encodings and file shapes that must import cleanly.</summary>
public sealed class OutreachImporterEncodingTests : IAsyncLifetime
{
    private TestStore _store = null!;

    public async Task InitializeAsync() => _store = await TestStore.CreateAsync();

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task Import_DefaultExport_ImportsEveryRowOfEveryTable()
    {
        // Given
        var export = new ExportFolderBuilder();

        // When
        var report = await _store.ImportAsync(export);

        // Then
        report.AssertSucceeded();
        Assert.Empty(report.Warnings);
        Assert.Equal(new Leadwise.Data.Storage.StoreCounts(2, 2, 4, 3, 2), await _store.CountAsync());
        Assert.Equal([2L, 2, 4, 3, 2], report.Tables.Select(t => t.RowsImported));
        Assert.All(report.Tables, t => Assert.Equal((t.RowsImported, 0L), (t.RowsRead, t.RowsRejected)));
    }

    [Fact]
    public async Task Import_Booleans_TIsTrueFIsFalseAndEmptyIsNull()
    {
        // Given
        var export = new ExportFolderBuilder();

        // When
        (await _store.ImportAsync(export)).AssertSucceeded();

        // Then
        var anna = await FindLeadAsync(AnnaLeadId);
        var joerg = await FindLeadAsync(JoergLeadId);
        var claire = await FindLeadAsync(ClaireLeadId);
        Assert.Equal((true, true, false), (anna.InviteAccepted, anna.Replied, anna.Skip));
        Assert.Equal<bool?>(false, joerg.Replied);
        Assert.Null(joerg.Skip);
        Assert.Null(claire.Replied);
        Assert.Equal<bool?>(true, claire.Skip);
    }

    [Fact]
    public async Task Import_EmptyFields_AreNull()
    {
        // Given
        var export = new ExportFolderBuilder();

        // When
        (await _store.ImportAsync(export)).AssertSucceeded();

        // Then
        var joerg = await FindLeadAsync(JoergLeadId);
        Assert.Null(joerg.UserId);
        Assert.Null(joerg.City);
        Assert.Null(joerg.ExistingMessagesCount);
        Assert.Null(joerg.UpdatedAt);
        Assert.Equal("-", joerg.Email);
        var user42 = (await _store.ReadAllAsync()).Users.Single(u => u.Id.Value == SmallUserId);
        Assert.Null(user42.BoughtCredit);
    }

    [Theory]
    [InlineData("2023-10-19 10:31:45.096+00", "2023-10-19T10:31:45.0960000+00:00")]
    [InlineData("2023-10-19 10:31:45+00", "2023-10-19T10:31:45.0000000+00:00")]
    [InlineData("2023-10-19 12:31:45.5+02", "2023-10-19T10:31:45.5000000+00:00")]
    [InlineData("2023-10-19 16:01:45+05:30", "2023-10-19T10:31:45.0000000+00:00")]
    [InlineData("2023-10-19 07:31:45.123456-03", "2023-10-19T10:31:45.1234560+00:00")]
    [InlineData("2023-10-20 01:00:00+05:30", "2023-10-19T19:30:00.0000000+00:00")]
    public async Task Import_Timestamp_IsStoredAsUtc(string text, string expectedUtc)
    {
        // Given
        var export = new ExportFolderBuilder().SetField(Leads, JoergLine, "inviteSentAt", text);

        // When
        (await _store.ImportAsync(export)).AssertSucceeded();

        // Then
        var sentAt = (await FindLeadAsync(JoergLeadId)).InviteSentAt!.Value;
        Assert.Equal(expectedUtc, sentAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(TimeSpan.Zero, sentAt.Offset);
    }

    [Fact]
    public async Task Import_TimestampsInEveryTable_AreConvertedToUtc()
    {
        // Given
        var export = new ExportFolderBuilder();

        // When
        (await _store.ImportAsync(export)).AssertSucceeded();

        // Then
        var contents = await _store.ReadAllAsync();
        var acme = contents.Users.Single(u => u.Id.Value == AcmeUserId);
        var user42 = contents.Users.Single(u => u.Id.Value == SmallUserId);
        var anna = contents.Leads.Single(l => l.Id.Value == AnnaLeadId);
        Assert.Equal(new DateTimeOffset(2023, 10, 20, 6, 0, 0, TimeSpan.Zero), acme.UpdatedAt);
        Assert.Equal(new DateTimeOffset(2023, 1, 1, 21, 34, 5, TimeSpan.Zero), user42.CreatedAt);
        Assert.Equal(new DateTimeOffset(2023, 10, 1, 9, 0, 0, TimeSpan.Zero).AddTicks(1_234_560), anna.InviteSentAt);
        Assert.Equal(new DateTimeOffset(2023, 10, 2, 7, 0, 0, TimeSpan.Zero), anna.FirstFollowUpSentAt);
        Assert.Equal(new DateTimeOffset(2023, 1, 5, 12, 0, 0, 500, TimeSpan.Zero), contents.Campaigns.Single(c => c.Id.Value == ExistingCampaignId).CreatedAt);
        Assert.Equal(new DateTimeOffset(2023, 1, 6, 3, 0, 0, TimeSpan.Zero), contents.Leads.Single(l => l.Id.Value == ClaireLeadId).CreatedAt);
    }

    [Fact]
    public async Task Import_Interval_AcceptsOneAndOnePointZeroAndEmpty()
    {
        // Given
        var export = new ExportFolderBuilder();

        // When
        (await _store.ImportAsync(export)).AssertSucceeded();

        // Then
        var messages = await _store.Store.ReadMessagesOfCampaignAsync(new CampaignId(SalesNavCampaignId), CancellationToken.None);
        Assert.Equal([null, 1.0, 1.0], messages.Select(m => m.IntervalDays));
    }

    [Fact]
    public async Task Import_MultiLineQuotedContent_IsPreservedExactly()
    {
        // Given
        var export = new ExportFolderBuilder();

        // When
        (await _store.ImportAsync(export)).AssertSucceeded();

        // Then
        var messages = await _store.Store.ReadMessagesOfCampaignAsync(new CampaignId(SalesNavCampaignId), CancellationToken.None);
        Assert.Equal(MultiLineContent, messages[1].Content);
        Assert.Equal("{{ salutation }} {{ first_name }}, ich würde mich gerne vernetzen.", messages[0].Content);
        Assert.Equal("Kurze Nachfrage, {{ first_name }}.", messages[2].Content);
        var users = (await _store.ReadAllAsync()).Users;
        Assert.Equal("Müller & Söhne, KG", users.Single(u => u.Id.Value == SmallUserId).CompanyName);
        Assert.Equal("jörg müller", (await FindLeadAsync(JoergLeadId)).Name);
    }

    [Fact]
    public async Task Import_LargeIds_AreKeptExactlyAndAreNotRowPositions()
    {
        // Given
        var export = new ExportFolderBuilder();

        // When
        (await _store.ImportAsync(export)).AssertSucceeded();

        // Then
        var anna = await FindLeadAsync(AnnaLeadId);
        Assert.Equal(9007199254740997, anna.Id.Value);
        Assert.Equal(new UserId(9007199254740993), anna.UserId);
        Assert.Equal(new CampaignId(9007199254740995), anna.CampaignId);
        Assert.Null(await _store.Store.FindLeadAsync(new LeadId(1), CancellationToken.None));
        Assert.Null(await _store.Store.FindLeadAsync(new LeadId(9007199254740996), CancellationToken.None));
        var snapshots = (await _store.ReadAllAsync()).Snapshots;
        Assert.Equal([3L, 9007199254740999], snapshots.Select(s => s.Id.Value));
    }

    [Fact]
    public async Task Import_WithUtf8ByteOrderMark_ImportsLikeWithout()
    {
        // Given
        var export = new ExportFolderBuilder();
        foreach (var file in FileNames)
        {
            export.WithUtf8Bom(file);
        }

        // When
        var report = await _store.ImportAsync(export);

        // Then
        report.AssertSucceeded();
        Assert.Empty(report.Warnings);
        await AssertSameRowsAsDefaultExportAsync();
    }

    [Fact]
    public async Task Import_WithCrlfLineEnds_ImportsLikeLfKeepingCrlfInsideQuotedContent()
    {
        // Given
        var export = new ExportFolderBuilder();
        foreach (var file in FileNames)
        {
            export.WithCrlf(file);
        }

        // When
        var report = await _store.ImportAsync(export);

        // Then
        report.AssertSucceeded();
        var messages = await _store.Store.ReadMessagesOfCampaignAsync(new CampaignId(SalesNavCampaignId), CancellationToken.None);
        Assert.Equal(MultiLineContent.Replace("\n", "\r\n", StringComparison.Ordinal), messages[1].Content);
        Assert.Equal("Kurze Nachfrage, {{ first_name }}.", messages[2].Content);
        Assert.Equal("2023-09-02 09:00:00+00", Data.Export.ExportValues.FormatTimestamp(messages[2].UpdatedAt!.Value));
        Assert.Equal(new Leadwise.Data.Storage.StoreCounts(2, 2, 4, 3, 2), await _store.CountAsync());
        var leadsOnly = await _store.ReadAllAsync();
        await using var baseline = await TestStore.CreateAsync();
        (await baseline.ImportAsync(new ExportFolderBuilder())).AssertSucceeded();
        Assert.Equal((await baseline.ReadAllAsync()).Leads, leadsOnly.Leads);
    }

    [Fact]
    public async Task Import_WithoutTrailingNewline_ImportsTheLastRow()
    {
        // Given
        var export = new ExportFolderBuilder();
        foreach (var file in FileNames)
        {
            export.WithoutTrailingNewline(file);
        }

        // When
        var report = await _store.ImportAsync(export);

        // Then
        report.AssertSucceeded();
        await AssertSameRowsAsDefaultExportAsync();
    }

    [Fact]
    public async Task Import_ColumnsInAnotherOrder_MapsThemByHeaderName()
    {
        // Given
        var export = new ExportFolderBuilder();
        foreach (var file in new[] { Users, Campaigns, Leads, Records })
        {
            export.ReorderColumns(file, names => names.Reverse());
        }

        // When
        var report = await _store.ImportAsync(export);

        // Then
        report.AssertSucceeded();
        Assert.Empty(report.Warnings);
        await AssertSameRowsAsDefaultExportAsync();
    }

    [Fact]
    public async Task Import_HeaderOnlyFile_ImportsNoRowsWithoutError()
    {
        // Given
        var export = new ExportFolderBuilder().HeaderOnly(Records);

        // When
        var report = await _store.ImportAsync(export);

        // Then
        report.AssertSucceeded();
        Assert.Equal((0L, 0L, 0L), (report.Table(Records).RowsRead, report.Table(Records).RowsImported, report.Table(Records).RowsRejected));
        Assert.Equal(new Leadwise.Data.Storage.StoreCounts(2, 2, 4, 3, 0), await _store.CountAsync());
    }

    [Fact]
    public async Task Import_FileNamesInOtherCase_AreFound()
    {
        // Given
        using var folder = new ExportFolderBuilder().Build();
        File.Move(folder.File(Leads), folder.File("leads.csv"));

        // When
        var report = await _store.ImportAsync(folder.Path);

        // Then
        report.AssertSucceeded();
        Assert.Equal(3, (await _store.CountAsync()).Leads);
    }

    private async Task<Lead> FindLeadAsync(long id) =>
        await _store.Store.FindLeadAsync(new LeadId(id), CancellationToken.None) ?? throw new Xunit.Sdk.XunitException($"lead {id} was not imported");

    private async Task AssertSameRowsAsDefaultExportAsync()
    {
        await using var baseline = await TestStore.CreateAsync();
        (await baseline.ImportAsync(new ExportFolderBuilder())).AssertSucceeded();
        (await _store.ReadAllAsync()).AssertSameRowsAs(await baseline.ReadAllAsync());
    }
}
