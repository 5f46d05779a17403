using Leadwise.Testing.Postgres;
using Npgsql;

namespace Leadwise.Cli.Tests;

/// <summary>The commands on a PostgreSQL store named by <c>--db</c> or <c>LEADWISE_DB</c>: generate → import → status → export.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresWorkflowTests(PostgresServerFixture server) : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [SkippableFact]
    public async Task Import_Status_Export_OnPostgres_WritesBackTheGeneratedFiles_AndNeverPrintsThePassword()
    {
        // Given: a store location with a password (the test server trusts loopback, so any password opens it)
        var location = new NpgsqlConnectionStringBuilder(await server.CreateStoreLocationAsync(CancellationToken.None)) { Password = "pw-7f3a9c" }.ConnectionString;
        var export = _folder.Combine("export");
        var exported = _folder.Combine("exported");
        Assert.Equal(ExitCodes.Success, (await CliRun.RunAsync("generate", "--leads", "300", "--seed", "3", "--out", export)).ExitCode);

        // When
        var import = await CliRun.RunAsync("import", export, "--db", location);
        var again = await CliRun.RunAsync("import", export, "--db", location);
        var status = await CliRun.RunAsync(new Dictionary<string, string> { ["LEADWISE_DB"] = location }, "status");
        var written = await CliRun.RunAsync("export", exported, "--db", location);

        // Then
        Assert.Equal(ExitCodes.Success, import.ExitCode);
        Assert.Contains("Import committed.", import.Output, StringComparison.Ordinal);
        Assert.Matches(@"Leads\.csv\s+│\s+300\s+│\s+300\s+│\s+0", import.Output);
        Assert.Matches(@"Leads\.csv\s+│\s+300\s+│\s+300\s+│\s+0", again.Output);
        Assert.Equal(ExitCodes.Success, status.ExitCode);
        Assert.Contains("PostgreSQL 127.0.0.1:", status.Output, StringComparison.Ordinal);
        Assert.Matches(@"Leads\s+│\s+300", status.Output);
        Assert.Equal(ExitCodes.Success, written.ExitCode);
        foreach (var file in new[] { "Users.csv", "Campaigns.csv", "Messages.csv", "Leads.csv", "Records.csv" })
        {
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(export, file)), await File.ReadAllBytesAsync(Path.Combine(exported, file)));
        }

        Assert.All(new[] { import, again, status, written }, run => Assert.DoesNotContain("pw-7f3a9c", run.Output, StringComparison.Ordinal));
    }
}
