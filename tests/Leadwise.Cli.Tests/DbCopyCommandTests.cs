using Leadwise.Data.Storage;
using Microsoft.Data.Sqlite;

namespace Leadwise.Cli.Tests;

/// <summary><c>leadwise db copy</c> and <c>db verify</c> between SQLite files: refusals, replace, and a mismatch found by the checksums.</summary>
public sealed class DbCopyCommandTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();

    private string Source => _folder.Combine("source.db");

    public async Task InitializeAsync()
    {
        var export = _folder.Combine("export");
        Assert.Equal(ExitCodes.Success, (await CliRun.RunAsync("generate", "--leads", "300", "--seed", "4", "--out", export)).ExitCode);
        Assert.Equal(ExitCodes.Success, (await CliRun.RunAsync("import", export, "--db", Source)).ExitCode);
        Assert.Equal(ExitCodes.Success, (await CliRun.RunAsync("events", "import", Path.Combine(export, "events.csv"), "--db", Source)).ExitCode);
    }

    public Task DisposeAsync()
    {
        _folder.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Copy_IntoANewFile_PrintsEveryTablesChecksum_AndRefusesASecondCopyUnlessReplace()
    {
        var target = _folder.Combine("target.db");

        var copy = await CliRun.RunAsync("db", "copy", "--from", Source, "--to", target);
        var again = await CliRun.RunAsync("db", "copy", "--from", Source, "--to", target);
        var replaced = await CliRun.RunAsync("db", "copy", "--from", Source, "--to", target, "--replace");

        Assert.Equal(ExitCodes.Success, copy.ExitCode);
        Assert.Matches(@"leads\s+│\s+300\s+│\s+300\s+│\s+same", copy.Output);
        Assert.Matches(@"engagement_events\s+│\s+[1-9][0-9,]*\s+│\s+[1-9][0-9,]*\s+│\s+same", copy.Output);
        Assert.Matches(@"(?m)^[0-9a-f]{64}  leads$", copy.Output);
        Assert.Equal(StoreTableNames.All.Count, System.Text.RegularExpressions.Regex.Count(copy.Output, @"(?m)^[0-9a-f]{64}  [a-z_]+$"));
        Assert.Contains($"Verified: all {StoreTableNames.All.Count} tables hold the same rows", copy.Output, StringComparison.Ordinal);
        Assert.Contains("Copy leads: 100%", copy.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.BadInput, again.ExitCode);
        Assert.Contains("is not empty; nothing was copied. Pass --replace", again.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, replaced.ExitCode);
        Assert.Contains($"Verified: all {StoreTableNames.All.Count} tables", replaced.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_AfterOneLeadWasChangedBehindLeadwisesBack_ExitsOne_AndNamesTheTable()
    {
        // Given: a faithful copy, then one title edited with plain SQL
        var target = _folder.Combine("target.db");
        Assert.Equal(ExitCodes.Success, (await CliRun.RunAsync("db", "copy", "--from", Source, "--to", target)).ExitCode);
        await using (var connection = new SqliteConnection($"Data Source={target};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE leads SET title = 'CEO' || coalesce(title, '') WHERE id = (SELECT min(id) FROM leads)";
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }

        // When
        var verify = await CliRun.RunAsync("db", "verify", "--a", Source, "--b", target);

        // Then
        Assert.Equal(ExitCodes.BadInput, verify.ExitCode);
        Assert.Matches(@"leads\s+│\s+300\s+│\s+300\s+│\s+DIFFERENT", verify.Output);
        Assert.Matches(@"(?m)^[0-9a-f]{64}  leads \(from\)\n[0-9a-f]{64}  leads \(to\)$", verify.Output);
        Assert.Matches(@"users\s+│.*│\s+same", verify.Output);
        Assert.Contains("Mismatch: leads differ between", verify.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Copy_OntoItself_OrFromAMissingStore_IsRefused_AndCreatesNothing()
    {
        var missing = _folder.Combine("missing.db");
        var target = _folder.Combine("never.db");

        var itself = await CliRun.RunAsync("db", "copy", "--from", Source, "--to", Source, "--replace");
        var fromMissing = await CliRun.RunAsync("db", "copy", "--from", missing, "--to", target);

        Assert.Equal((ExitCodes.BadInput, ExitCodes.BadInput), (itself.ExitCode, fromMissing.ExitCode));
        Assert.Contains("--from and --to name the same store", itself.Output, StringComparison.Ordinal);
        Assert.Contains("--from: there is no store at", fromMissing.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(missing));
        Assert.False(File.Exists(target));
    }

    [Fact]
    public async Task Copy_FailingHalfway_IntoANewFile_LeavesNoFileBehind()
    {
        // Given: a source whose last lead's unknown-column JSON is broken (written with plain SQL)
        await using (var connection = new SqliteConnection($"Data Source={Source};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE leads SET extra = '{broken' WHERE id = (SELECT max(id) FROM leads)";
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }

        var target = _folder.Combine("target.db");

        // When
        var copy = await CliRun.RunAsync("db", "copy", "--from", Source, "--to", target);

        // Then
        Assert.Equal(ExitCodes.BadInput, copy.ExitCode);
        Assert.Contains("error:", copy.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Copied", copy.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(target));
        Assert.False(File.Exists(target + "-wal"));
    }
}
