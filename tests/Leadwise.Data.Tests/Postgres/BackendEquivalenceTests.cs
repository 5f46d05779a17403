using Leadwise.Data.Export;
using Leadwise.Data.Import;
using Leadwise.Data.Tests.Support;
using Leadwise.Generator;
using Leadwise.Generator.Writing;
using Leadwise.Testing;
using Leadwise.Testing.Postgres;

namespace Leadwise.Data.Tests.Postgres;

/// <summary>One generated export imported into SQLite and into PostgreSQL: both must read back and export the same.</summary>
[Collection(PostgresCollection.Name)]
public sealed class BackendEquivalenceTests(PostgresServerFixture server)
{
    [SkippableFact]
    public async Task GeneratedExport_ImportedIntoEitherBackend_ReadsBackAndExportsByteForByteTheSame()
    {
        // Given: a realistic export with engagement events and company profiles
        using var folder = new TempDirectory();
        var generated = folder.Subdirectory("generated");
        var export = new OutreachGenerator().Generate(new GeneratorOptions { LeadCount = 400, Seed = 11 });
        await new GeneratedExportWriter().WriteAsync(export, generated, progress: null, CancellationToken.None);
        await using var sqlite = await TestStore.CreateAsync(StoreBackend.Sqlite);
        await using var postgres = await TestStore.CreateAsync(StoreBackend.Postgres(server));

        // When
        foreach (var store in new[] { sqlite, postgres })
        {
            (await store.ImportAsync(generated)).AssertSucceeded();
            (await store.ImportCompaniesAsync(Path.Combine(generated, CompaniesTable.Instance.FileName))).AssertSucceeded();
            (await store.ImportEventsAsync(Path.Combine(generated, EventsTable.Instance.FileName))).AssertSucceeded();
            await new StoreExporter(store.Store).ExportAsync(store.Folder("exported"), progress: null, CancellationToken.None);
        }

        // Then
        Assert.True((await sqlite.CountAsync()).Leads >= 400);
        Assert.Equal(await sqlite.CountAsync(), await postgres.CountAsync());
        (await postgres.ReadAllAsync()).AssertSameRowsAs(await sqlite.ReadAllAsync());
        Assert.Equal(await sqlite.Store.CountScoringDataAsync(CancellationToken.None), await postgres.Store.CountScoringDataAsync(CancellationToken.None));
        Assert.Equal(await sqlite.EventsAsync(), await postgres.EventsAsync());
        Assert.Equal(await sqlite.CompaniesAsync(), await postgres.CompaniesAsync());
        Assert.Equal(
            await sqlite.Store.ReadEventPropertyNamesAsync(CancellationToken.None),
            await postgres.Store.ReadEventPropertyNamesAsync(CancellationToken.None));
        foreach (var file in new[] { UsersTable.Instance.FileName, CampaignsTable.Instance.FileName, MessagesTable.Instance.FileName, LeadsTable.Instance.FileName, SnapshotsTable.Instance.FileName })
        {
            var fromSqlite = await File.ReadAllBytesAsync(Path.Combine(sqlite.File("exported"), file));
            var fromPostgres = await File.ReadAllBytesAsync(Path.Combine(postgres.File("exported"), file));
            Assert.True(fromSqlite.AsSpan().SequenceEqual(fromPostgres), $"{file} differs between the SQLite and the PostgreSQL export");
        }
    }

    [SkippableFact]
    public async Task GeneratedExport_ImportedTwiceIntoPostgres_ChangesNothingTheSecondTime()
    {
        // Given
        using var folder = new TempDirectory();
        var generated = folder.Subdirectory("generated");
        await new GeneratedExportWriter().WriteAsync(new OutreachGenerator().Generate(new GeneratorOptions { LeadCount = 200, Seed = 5 }), generated, progress: null, CancellationToken.None);
        await using var postgres = await TestStore.CreateAsync(StoreBackend.Postgres(server));
        (await postgres.ImportAsync(generated)).AssertSucceeded();
        (await postgres.ImportEventsAsync(Path.Combine(generated, EventsTable.Instance.FileName))).AssertSucceeded();
        var rows = await postgres.ReadAllAsync();
        var events = await postgres.EventsAsync();

        // When
        var outreach = await postgres.ImportAsync(generated);
        var again = await postgres.ImportEventsAsync(Path.Combine(generated, EventsTable.Instance.FileName), new ImportOptions());

        // Then
        outreach.AssertSucceeded();
        again.AssertSucceeded();
        Assert.Equal(0, again.Table(EventsTable.Instance.FileName).RowsImported);
        Assert.Equal(events.Count, again.Table(EventsTable.Instance.FileName).RowsAlreadyPresent);
        (await postgres.ReadAllAsync()).AssertSameRowsAs(rows);
        Assert.Equal(events, await postgres.EventsAsync());
    }
}
