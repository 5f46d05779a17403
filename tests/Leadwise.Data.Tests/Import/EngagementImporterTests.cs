using Leadwise.Core.Engagement;
using Leadwise.Core.Outreach;
using Leadwise.Data.Import;
using Leadwise.Data.Tests.Support;
using Leadwise.Testing.Engagement;
using Leadwise.Testing.Postgres;
using static Leadwise.Data.Tests.Support.ScoringDataFiles;
using static Leadwise.Testing.Exports.OutreachExportText;

namespace Leadwise.Data.Tests.Import;

public abstract class EngagementImporterTests : IAsyncLifetime
{
    private readonly StoreBackend _backend;

    private protected EngagementImporterTests(StoreBackend backend) => _backend = backend;

    private const string Events = "events.csv";

    private TestStore _store = null!;

    public async Task InitializeAsync() => _store = await CreateStoreWithLeadsAsync(_backend);

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [SkippableFact]
    public async Task Import_ValidFile_StoresEventsByLeadAndTimeWithTheirProperties()
    {
        // Given
        var path = Write(_store, Events,
            EventsHeader + ",seconds",
            $"{AnnaLeadId},page_view,2023-10-19 12:00:00+02,e-1,https://acme.example/pricing,autumn,42",
            $"{JoergLeadId},email_open,2023-10-19 10:00:00.5+00,,,\"Newsletter, Oct\",",
            $"{JoergLeadId},page_view,2023-10-19 09:00:00Z,e-3,/blog,,7");

        // When
        var report = await _store.ImportEventsAsync(path);

        // Then
        report.AssertSucceeded();
        Assert.Empty(report.Warnings);
        Assert.Equal((3L, 3L, 0L, 0L), Counts(report));
        var events = await _store.EventsAsync();
        Assert.Equal([JoergLeadId, JoergLeadId, AnnaLeadId], events.Select(e => e.LeadId.Value));
        Assert.Equal(new DateTimeOffset(2023, 10, 19, 10, 0, 0, 500, TimeSpan.Zero), events[1].OccurredAt);
        Assert.Equal("Newsletter, Oct", events[1].Campaign);
        Assert.Null(events[1].ClientEventId);
        Assert.True(events[1].Properties.IsEmpty);
        Assert.Equal("42", events[2].Properties["seconds"]);
        Assert.Equal(new DateTimeOffset(2023, 10, 19, 10, 0, 0, TimeSpan.Zero), events[2].OccurredAt);
        Assert.Equal(["seconds"], await _store.Store.ReadEventPropertyNamesAsync(CancellationToken.None));
        Assert.Equal(2, await CountOf(_store.Store.ReadEventsOfLeadAsync(new LeadId(JoergLeadId), CancellationToken.None)));
    }

    [SkippableFact]
    public async Task Import_TimestampWithoutOffset_IsAnErrorAtItsLineAndColumnAndImportsNothing()
    {
        // Given
        var path = Write(_store, Events,
            EventsHeader,
            $"{AnnaLeadId},page_view,2023-10-19 12:00:00+02,e-1,,",
            $"{JoergLeadId},page_view,2023-10-19 12:00:00,e-2,,");

        // When
        var report = await _store.ImportEventsAsync(path);

        // Then
        var error = report.SingleError();
        error.AssertAt(Events, 3, 14, "occurredAt");
        Assert.Contains("expected a timestamp with a UTC offset", error.Message, StringComparison.Ordinal);
        Assert.False(report.Committed);
        Assert.Empty(await _store.EventsAsync());
    }

    [SkippableFact]
    public async Task Import_LeadNotInTheStore_IsAnErrorAtLeadId()
    {
        // Given
        var path = Write(_store, Events, EventsHeader, $"{AnnaLeadId},page_view,2023-10-19 12:00:00+02,,,", "999,page_view,2023-10-19 12:00:00+02,,,");

        // When
        var report = await _store.ImportEventsAsync(path);

        // Then
        var error = report.SingleError();
        error.AssertAt(Events, 3, 1, "leadId");
        Assert.Equal("events.csv:3:1: column \"leadId\": lead 999 is not in the store; import the outreach export that holds it first", error.ToString());
        Assert.Empty(await _store.EventsAsync());
    }

    [SkippableFact]
    public async Task Import_MissingType_IsAnError()
    {
        // Given
        var path = Write(_store, Events, EventsHeader, $"{AnnaLeadId},,2023-10-19 12:00:00+02,,,");

        // When
        var report = await _store.ImportEventsAsync(path);

        // Then
        report.SingleError().AssertAt(Events, 2, 18, "type");
    }

    [SkippableFact]
    public async Task Import_ClientEventIdTwiceInTheFile_IsAnErrorNamingTheEarlierLine()
    {
        // Given
        var path = Write(_store, Events,
            EventsHeader,
            $"{AnnaLeadId},page_view,2023-10-19 12:00:00+02,e-1,,",
            $"{JoergLeadId},email_open,2023-10-19 12:00:00+02,e-2,,",
            $"{JoergLeadId},email_click,2023-10-19 12:05:00+02,e-1,,");

        // When
        var report = await _store.ImportEventsAsync(path);

        // Then
        var error = report.SingleError();
        error.AssertAt(Events, 4, 39, "clientEventId");
        Assert.Equal("duplicate clientEventId \"e-1\": line 2 has it already", error.Message);
        Assert.False(report.Committed);
    }

    [SkippableTheory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Import_SameFileTwice_AddsNothingTheSecondTimeAndCountsThemAsAlreadyPresent(bool inBulk)
    {
        // Given: events with and without client ids
        var path = Write(_store, Events,
            EventsHeader,
            $"{AnnaLeadId},page_view,2023-10-19 12:00:00+02,e-1,/pricing,",
            $"{AnnaLeadId},page_view,2023-10-19 12:00:00+02,,/pricing,",
            $"{JoergLeadId},email_open,2023-10-19 12:00:00+02,,,");
        (await _store.ImportEventsAsync(path, inBulk: inBulk)).AssertSucceeded();
        var before = await _store.EventsAsync();

        // When
        var again = await _store.ImportEventsAsync(path, inBulk: inBulk);

        // Then
        again.AssertSucceeded();
        Assert.Equal((3L, 0L, 3L, 0L), Counts(again));
        Assert.Equal(before, await _store.EventsAsync());
    }

    [SkippableTheory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Import_EventWithoutClientIdRepeatedInTheFile_IsStoredOnceAndCountedAsAlreadyPresent(bool inBulk)
    {
        // Given
        var line = $"{ClaireLeadId},download,2023-10-19 12:00:00+02,,/whitepaper.pdf,";
        var path = Write(_store, Events, EventsHeader, line, line, $"{ClaireLeadId},download,2023-10-19 12:00:00+02,,/other.pdf,");

        // When
        var report = await _store.ImportEventsAsync(path, inBulk: inBulk);

        // Then
        report.AssertSucceeded();
        Assert.Equal((3L, 2L, 1L, 0L), Counts(report));
        Assert.Equal(2, (await _store.EventsAsync()).Count);
    }

    [SkippableFact]
    public async Task Import_UnknownTypes_AreImportedWithOneWarningPerTypeCountingItsRows()
    {
        // Given
        var path = Write(_store, Events,
            EventsHeader,
            $"{AnnaLeadId},webinar_joined,2023-10-19 12:00:00+02,,,",
            $"{AnnaLeadId},page_view,2023-10-19 12:01:00+02,,,",
            $"{JoergLeadId},webinar_joined,2023-10-19 12:02:00+02,,,",
            $"{JoergLeadId},Page_View,2023-10-19 12:03:00+02,,,");

        // When
        var report = await _store.ImportEventsAsync(path);

        // Then
        report.AssertSucceeded();
        Assert.Equal(2, report.Warnings.Count);
        report.Warnings[0].AssertAt(Events, 2, 18, "type");
        Assert.Equal("unknown event type \"webinar_joined\" on 2 row(s), the first here; imported, but no default rule scores it", report.Warnings[0].Message);
        Assert.Contains("\"Page_View\" on 1 row(s)", report.Warnings[1].Message, StringComparison.Ordinal);
        Assert.Equal(4, (await _store.EventsAsync()).Count);
    }

    [SkippableFact]
    public async Task Import_WithSkipBadRows_ImportsTheGoodRowsAndWritesTheRejects()
    {
        // Given
        var rejects = _store.File("rejects.csv");
        var path = Write(_store, Events, EventsHeader, $"{AnnaLeadId},page_view,2023-10-19 12:00:00+02,,,", "999,page_view,2023-10-19 12:00:00+02,,,");

        // When
        var report = await _store.ImportEventsAsync(path, new ImportOptions { SkipBadRows = true, RejectsPath = rejects });

        // Then
        Assert.True(report.Committed);
        Assert.Equal((2L, 1L, 0L, 1L), Counts(report));
        Assert.Single(await _store.EventsAsync());
        Assert.Contains("999,page_view", await File.ReadAllTextAsync(rejects), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Import_ColumnDifferingOnlyInCase_IsAPropertyWithAWarning()
    {
        // Given: "clientEventID" is not "clientEventId"
        var path = Write(_store, Events, "leadId,type,occurredAt,clientEventID,url,campaign", $"{AnnaLeadId},page_view,2023-10-19 12:00:00+02,e-1,,");

        // When
        var report = await _store.ImportEventsAsync(path);

        // Then
        report.AssertSucceeded();
        Assert.Contains(report.Warnings, w => w.ColumnName == "clientEventID" && w.Message.Contains("did you mean \"clientEventId\"", StringComparison.Ordinal));
        Assert.Equal("e-1", (await _store.EventsAsync()).Single().Properties["clientEventID"]);
    }

    [SkippableFact]
    public async Task Import_MissingFile_IsAnError()
    {
        // When
        var report = await _store.ImportEventsAsync(_store.File("nope.csv"));

        // Then
        Assert.Contains("no such file", report.SingleError().Message, StringComparison.Ordinal);
        Assert.False(report.Committed);
    }

    [SkippableFact]
    public async Task ImportWriteImport_GivesTheSameEvents()
    {
        // Given
        var path = Write(_store, Events,
            EventsHeader + ",seconds,device",
            $"{AnnaLeadId},page_view,2023-10-19 12:00:00.123456+02,e-1,https://acme.example/?a=1&b=2,autumn,42,",
            $"{JoergLeadId},email_reply,2023-10-19 10:00:00+00,,,\"multi\nline\",,mobile");
        (await _store.ImportEventsAsync(path)).AssertSucceeded();
        var folder = _store.Folder("written");

        // When
        var writer = new Leadwise.Data.Export.OutreachExportWriter(folder);
        var written = await writer.WriteEventsAsync(_store.Store.ReadEventsAsync(CancellationToken.None), CancellationToken.None,
            await _store.Store.ReadEventPropertyNamesAsync(CancellationToken.None));
        await using var other = await CreateStoreWithLeadsAsync(_backend);
        var report = await other.ImportEventsAsync(Path.Combine(folder, "events.csv"));

        // Then
        Assert.Equal(2, written);
        report.AssertSucceeded();
        Assert.Equal(await _store.EventsAsync(), await other.EventsAsync());
        Assert.StartsWith(EventsHeader + ",device,seconds\n", await File.ReadAllTextAsync(Path.Combine(folder, "events.csv")), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task WriteEvents_PropertyNotAmongTheColumns_Throws()
    {
        // Given
        var engagement = new EngagementEventBuilder().WithProperty("seconds", "3").Build();

        // When
        var writer = new Leadwise.Data.Export.OutreachExportWriter(_store.Folder("out"));
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => writer.WriteEventsAsync(ToAsync(engagement), CancellationToken.None));

        // Then
        Assert.Contains("\"seconds\"", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_store.Folder("out"), "events.csv")));
    }

    private static (long Read, long Imported, long AlreadyPresent, long Rejected) Counts(ImportReport report)
    {
        var table = report.Tables.Single();
        return (table.RowsRead, table.RowsImported, table.RowsAlreadyPresent, table.RowsRejected);
    }

    private static async Task<int> CountOf(IAsyncEnumerable<EngagementEvent> events) => (await ToListAsync(events)).Count;

#pragma warning disable CS1998 // an async iterator over values at hand
    private static async IAsyncEnumerable<EngagementEvent> ToAsync(params EngagementEvent[] events)
#pragma warning restore CS1998
    {
        foreach (var engagement in events)
        {
            yield return engagement;
        }
    }
}

/// <summary>The suite on a SQLite file.</summary>
public sealed class SqliteEngagementImporterTests() : EngagementImporterTests(StoreBackend.Sqlite);

/// <summary>The suite on the run's throwaway PostgreSQL server, a database per store.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresEngagementImporterTests(PostgresServerFixture server) : EngagementImporterTests(StoreBackend.Postgres(server));
