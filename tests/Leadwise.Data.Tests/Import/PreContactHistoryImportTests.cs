using Leadwise.Data.Import;
using Leadwise.Data.Storage;
using Leadwise.Data.Tests.Support;
using Leadwise.Generator;
using Leadwise.Generator.Truth;
using Leadwise.Generator.Writing;
using Leadwise.Testing.Postgres;

namespace Leadwise.Data.Tests.Import;

/// <summary>
/// Events before a lead's createdAt (the generator's optional pre-contact history) are ordinary events: the import
/// takes them, the store keeps them and the lead's facts carry them, on both backends.
/// </summary>
public abstract class PreContactHistoryImportTests
{
    private readonly StoreBackend _backend;

    private protected PreContactHistoryImportTests(StoreBackend backend) => _backend = backend;

    [SkippableFact]
    public async Task Should_ImportAndReadBackEventsBeforeTheLeadsCreation_When_TheExportHasAHistory()
    {
        // Given a generated export with a year of history before each lead's creation, written as files
        await using var test = await TestStore.CreateAsync(_backend);
        var options = new GeneratorOptions { LeadCount = 400, Seed = 42, Engagement = new EngagementModelParameters { HistoryDays = 365 } };
        var export = new OutreachGenerator().Generate(options);
        var folder = test.Folder("export");
        await new GeneratedExportWriter().WriteAsync(export, folder, null, CancellationToken.None);
        var generated = export.Events().ToArray();
        var created = export.Leads().ToDictionary(lead => lead.Id, lead => lead.CreatedAt!.Value);
        var early = generated.Count(e => e.OccurredAt < created[e.LeadId]);

        // When the export and its events are imported
        (await test.ImportAsync(folder)).AssertSucceeded();
        var report = await new EngagementImporter(test.Store).ImportAsync(Path.Combine(folder, "events.csv"), new ImportOptions(), null, CancellationToken.None);
        var reader = await LeadFactsReader.OpenAsync(test.Store, CancellationToken.None);
        var facts = await ScoringDataFiles.ToListAsync(reader.ReadAllAsync(CancellationToken.None));

        // Then every event is stored, those before createdAt included, and each lead's facts carry its own
        report.AssertSucceeded();
        Assert.Empty(report.Warnings);
        Assert.True(early > 100, $"{early} events before createdAt");
        Assert.Equal(generated.Length, facts.Sum(f => f.Events.Count));
        Assert.Equal(early, facts.Sum(f => f.Events.Count(e => e.OccurredAt < f.Lead.CreatedAt)));
        var byLead = generated.GroupBy(e => e.LeadId).ToDictionary(g => g.Key, g => g.Select(e => e.ClientEventId).Order(StringComparer.Ordinal).ToArray());
        Assert.All(facts, f => Assert.Equal(byLead.GetValueOrDefault(f.Lead.Id) ?? [], f.Events.Select(e => e.ClientEventId).Order(StringComparer.Ordinal)));
    }
}

/// <summary>The suite on a SQLite file.</summary>
public sealed class SqlitePreContactHistoryImportTests() : PreContactHistoryImportTests(StoreBackend.Sqlite);

/// <summary>The suite on the run's throwaway PostgreSQL server, a database per store.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresPreContactHistoryImportTests(PostgresServerFixture server) : PreContactHistoryImportTests(StoreBackend.Postgres(server));
