using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Leadwise.Data.Import;
using Leadwise.Data.Sqlite;

namespace Leadwise.Bench;

/// <summary>
/// Imports a generated export (leads plus their users, campaigns, messages and daily records) into a
/// fresh SQLite file. Each iteration is a whole import, so it runs a few times, not millions.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class ImportBenchmarks
{
    private string _folder = string.Empty;
    private string _database = string.Empty;

    [Params(100_000, 1_000_000)]
    public int Leads { get; set; }

    [GlobalSetup]
    public void GenerateExport() => _folder = BenchmarkData.ExportFolder(Leads);

    [IterationSetup]
    public void DeleteDatabase() => _database = BenchmarkData.FreshDatabasePath($"import-{Leads}");

    [Benchmark]
    public async Task<long> ImportIntoFreshSqlite()
    {
        await using var store = await SqliteLeadwiseStore.OpenAsync(_database, CancellationToken.None);
        var report = await new OutreachImporter(store).ImportAsync(_folder, new ImportOptions(), progress: null, CancellationToken.None);
        if (!report.Committed)
        {
            throw new InvalidOperationException("The benchmark export did not import: " + string.Join("; ", report.Errors));
        }

        return report.Tables.Sum(table => table.RowsImported);
    }
}
