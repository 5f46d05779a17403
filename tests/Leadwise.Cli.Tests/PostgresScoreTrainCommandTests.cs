using System.Text.Json;
using Leadwise.Data.Postgres;
using Leadwise.Data.Storage;
using Leadwise.Data.Transfer;
using Leadwise.Learning.Registry;
using Leadwise.Recommend.Registry;
using Leadwise.Testing.Postgres;

namespace Leadwise.Cli.Tests;

/// <summary>
/// <c>leadwise train</c> and <c>leadwise score</c> on a PostgreSQL store give what they give on SQLite for the same
/// generated data: the same model cards (metrics, trainer, data fingerprint) and sequence model, and the same stored
/// point and model scores and grades, row for row.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresScoreTrainCommandTests(PostgresServerFixture server) : IDisposable
{
    private const string AsOf = "2024-06-30";
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [SkippableFact]
    public async Task Train_Then_Score_OnPostgres_StoreTheSameModelsAndScoresAsOnSqlite()
    {
        // Given: one generated export (with events and companies) imported into a SQLite file and a PostgreSQL store
        var postgres = await server.CreateStoreLocationAsync(CancellationToken.None);
        var sqlite = _folder.Combine("leadwise.db");
        var export = _folder.Combine("export");
        Assert.Equal(ExitCodes.Success, (await CliRun.RunAsync("generate", "--leads", "3000", "--seed", "3", "--out", export)).ExitCode);
        foreach (var location in new[] { sqlite, postgres })
        {
            Assert.Equal(ExitCodes.Success, (await CliRun.RunAsync("import", export, "--db", location)).ExitCode);
            Assert.Equal(ExitCodes.Success, (await CliRun.RunAsync("companies", "import", Path.Combine(export, "companies.csv"), "--db", location)).ExitCode);
            Assert.Equal(ExitCodes.Success, (await CliRun.RunAsync("events", "import", Path.Combine(export, "events.csv"), "--db", location)).ExitCode);
        }

        // When: the same train and score commands on each
        var trained = new Dictionary<string, CliRun>();
        var scored = new Dictionary<string, CliRun>();
        foreach (var location in new[] { sqlite, postgres })
        {
            trained[location] = await CliRun.RunAsync("train", "--db", location, "--folds", "2", "--seed", "4");
            scored[location] = await CliRun.RunAsync("score", "--db", location, "--as-of", AsOf);
        }

        // Then
        foreach (var location in new[] { sqlite, postgres })
        {
            Assert.True(trained[location].ExitCode == ExitCodes.Success, trained[location].Output);
            Assert.True(scored[location].ExitCode == ExitCodes.Success, scored[location].Output);
            Assert.Contains("Saved as model version 1", trained[location].Output, StringComparison.Ordinal);
            Assert.Contains("Saved the sequence model as version 2 and promoted it", trained[location].Output, StringComparison.Ordinal);
        }

        await using var fromSqlite = await StoreFactory.OpenAsync(sqlite, mustExist: true, CancellationToken.None);
        await using var fromPostgres = await StoreFactory.OpenAsync(postgres, mustExist: true, CancellationToken.None);
        var sqliteCard = (await new ConversionModelRegistry(fromSqlite, TimeProvider.System).LoadAsync(1, CancellationToken.None)).Card;
        var postgresCard = (await new ConversionModelRegistry(fromPostgres, TimeProvider.System).LoadAsync(1, CancellationToken.None)).Card;
        Assert.Equal(sqliteCard.Metrics, postgresCard.Metrics);
        Assert.Equal(JsonSerializer.Serialize(sqliteCard.Trainers), JsonSerializer.Serialize(postgresCard.Trainers)); // lists inside compare by reference
        Assert.Equal(sqliteCard.Summary, postgresCard.Summary);
        Assert.Equal((sqliteCard.DataFingerprint, sqliteCard.Seed, sqliteCard.Folds, sqliteCard.Rows), (postgresCard.DataFingerprint, postgresCard.Seed, postgresCard.Folds, postgresCard.Rows));
        Assert.Equal((4, 2, 3000L), (postgresCard.Seed, postgresCard.Folds, (await fromPostgres.CountAsync(CancellationToken.None)).Leads));
        Assert.Contains(postgresCard.Summary, trained[postgres].Output.ReplaceLineEndings(" "), StringComparison.Ordinal);
        var sqliteSequence = HazardModelRegistry.ReadReport((await fromSqlite.FindModelAsync(2, CancellationToken.None))!);
        var postgresSequence = HazardModelRegistry.ReadReport((await fromPostgres.FindModelAsync(2, CancellationToken.None))!);
        Assert.Equal(HazardModelRegistry.Summary(sqliteSequence), HazardModelRegistry.Summary(postgresSequence));

        // Every lead's point score (total, grade, subtotals, hits) and model score (probability, score, grade, version),
        // by the checksums db verify compares; and the best-leads tables the two runs printed.
        var comparison = await StoreChecksums.CompareAsync(fromSqlite, fromPostgres, null, CancellationToken.None);
        Assert.All(comparison.Where(t => t.Table is StoreTableNames.Scores or StoreTableNames.ModelScores), t =>
        {
            Assert.True(t.Matches, $"{t.Table}: {t.From} vs {t.To}");
            Assert.Equal(3000, t.To.Rows);
        });
        Assert.NotEmpty(TablesOf(scored[postgres].Output));
        Assert.Equal(TablesOf(scored[sqlite].Output), TablesOf(scored[postgres].Output));
    }

    /// <summary>The lines of the tables a run printed (the box-drawn rows), without the lines naming the store.</summary>
    private static IEnumerable<string> TablesOf(string output) =>
        output.Split('\n').Where(line => line.Contains('│', StringComparison.Ordinal)).Select(line => line.TrimEnd());
}
