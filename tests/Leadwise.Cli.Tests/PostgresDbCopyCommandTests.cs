using Leadwise.Data.Storage;
using System.Text.RegularExpressions;
using Leadwise.Testing.Postgres;
using Npgsql;

namespace Leadwise.Cli.Tests;

/// <summary><c>leadwise db copy</c> SQLite → PostgreSQL → SQLite on a quickstart store (scores, trained and promoted models): nothing changes on the way.</summary>
[Collection(PostgresCollection.Name)]
public sealed partial class PostgresDbCopyCommandTests(PostgresServerFixture server) : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [SkippableFact]
    public async Task Copy_QuickstartStore_ToPostgresAndBack_KeepsEveryChecksum()
    {
        // Given: a store with point and model scores, events, companies, and trained, promoted models
        var postgres = new NpgsqlConnectionStringBuilder(await server.CreateStoreLocationAsync(CancellationToken.None)) { Password = "pw-5e1d" }.ConnectionString;
        var directory = _folder.Combine("quickstart");
        Assert.Equal(ExitCodes.Success, (await CliRun.RunAsync("quickstart", "--leads", "3000", "--seed", "2", "--dir", directory)).ExitCode);
        var original = Path.Combine(directory, "leadwise.db");
        var back = _folder.Combine("back.db");

        // When
        var there = await CliRun.RunAsync("db", "copy", "--from", original, "--to", postgres);
        var home = await CliRun.RunAsync("db", "copy", "--from", postgres, "--to", back);
        var verify = await CliRun.RunAsync("db", "verify", "--from", original, "--to", back);
        var models = await CliRun.RunAsync("models", "list", "--db", back);

        // Then: every table identical at each step, and the copy in SQLite works like the original
        Assert.Equal((ExitCodes.Success, ExitCodes.Success, ExitCodes.Success), (there.ExitCode, home.ExitCode, verify.ExitCode));
        var checksums = Checksums(there.Output);
        Assert.Equal(StoreTableNames.All.Count, checksums.Count);
        foreach (var table in new[] { "leads", "engagement_events", "companies", "lead_scores", "models", "model_promotions", "lead_model_scores" })
        {
            Assert.True(checksums[table].Rows > 0, $"{table} is empty in the quickstart store");
        }

        Assert.Equal(checksums, Checksums(home.Output));
        Assert.Equal(checksums, Checksums(verify.Output));
        Assert.Contains($"Verified: all {StoreTableNames.All.Count} tables", verify.Output, StringComparison.Ordinal);
        Assert.Matches(@"│ 1 .*promoted", models.Output);
        Assert.All(new[] { there, home, verify }, run => Assert.DoesNotContain("pw-5e1d", run.Output, StringComparison.Ordinal));
    }

    /// <summary>Each table's rows (from the table) and checksum (from the sha256sum-style lines), when the table says "same".</summary>
    private static Dictionary<string, (long Rows, string Sha256)> Checksums(string output)
    {
        var sums = ChecksumLine().Matches(output).ToDictionary(match => match.Groups["table"].Value, match => match.Groups["sha"].Value);
        return SameRow().Matches(output).ToDictionary(
            match => match.Groups["table"].Value,
            match => (long.Parse(match.Groups["rows"].Value.Replace(",", string.Empty, StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture), sums[match.Groups["table"].Value]));
    }

    [GeneratedRegex(@"│ (?<table>[a-z_]+)\s+│\s+(?<rows>[0-9,]+)\s+│\s+[0-9,]+\s+│ same")]
    private static partial Regex SameRow();

    [GeneratedRegex(@"(?m)^(?<sha>[0-9a-f]{64})  (?<table>[a-z_]+)$")]
    private static partial Regex ChecksumLine();
}
