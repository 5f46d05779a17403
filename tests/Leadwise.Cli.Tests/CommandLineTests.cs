namespace Leadwise.Cli.Tests;

public sealed class CommandLineTests
{
    [Fact]
    public async Task Help_ListsEveryCommand_AndExitsZero()
    {
        // When
        var run = await CliRun.RunAsync("--help");

        // Then
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        foreach (var command in new[] { "quickstart", "generate", "import", "export", "status", "db" })
        {
            Assert.Contains(command, run.Help, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("import", "--help")]
    [InlineData("generate", "--help")]
    [InlineData("quickstart", "--help")]
    public async Task EveryCommand_HasHelp(string command, string flag)
    {
        var run = await CliRun.RunAsync(command, flag);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("Usage:", run.Help, StringComparison.Ordinal);
        Assert.Contains("--db", run.Help, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("migrate", "--db")]
    [InlineData("copy", "--replace")]
    [InlineData("verify", "--a")]
    public async Task DbSubcommands_HaveHelp(string subcommand, string option)
    {
        var run = await CliRun.RunAsync("db", subcommand, "--help");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("Usage:", run.Help, StringComparison.Ordinal);
        Assert.Contains(option, run.Help, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("status", "--frobnicate")]
    [InlineData("frobnicate")]
    [InlineData("import")]
    [InlineData("generate", "--leads", "0", "--out", "x")]
    [InlineData("generate", "--leads", "many", "--out", "x")]
    [InlineData("generate", "--latent-quality-sd", "-0.1", "--out", "x")]
    [InlineData("generate", "--wording-scale", "NaN", "--out", "x")]
    [InlineData("generate", "--responsiveness-sd", "0", "--out", "x")]
    [InlineData("generate", "--history-sessions", "4", "--out", "x")]
    [InlineData("generate", "--history-days", "0", "--history-weight", "2", "--out", "x")]
    [InlineData("generate", "--history-days", "-1", "--out", "x")]
    [InlineData("generate", "--history-days", "many", "--history-sessions", "2", "--out", "x")]
    [InlineData("import", "folder", "--max-errors", "0")]
    [InlineData("db", "copy", "--from", "a.db")]
    [InlineData("db", "verify", "--b", "b.db")]
    public async Task UsageErrors_ExitTwo_WithAHint(params string[] args)
    {
        var run = await CliRun.RunAsync(args);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--help", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_WithoutAStore_ExitsOne_AndSaysWhatToDo()
    {
        using var folder = new TempFolder();
        var database = folder.Combine("missing.db");

        var run = await CliRun.RunAsync("status", "--db", database);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("There is no store at", run.Output, StringComparison.Ordinal);
        Assert.Contains("leadwise quickstart", run.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(database), "a read-only command must not create an empty store");
    }

    [Fact]
    public async Task UnexpectedFailure_PrintsOneLine_AndTheStackTraceOnlyWithVerbose()
    {
        using var folder = new TempFolder();
        var notADatabase = folder.Combine("garbage.db");
        await File.WriteAllTextAsync(notADatabase, new string('x', 4096));

        var quiet = await CliRun.RunAsync("status", "--db", notADatabase);
        var verbose = await CliRun.RunAsync("status", "--db", notADatabase, "--verbose");

        Assert.Equal(ExitCodes.BadInput, quiet.ExitCode);
        Assert.Contains("is not a SQLite database", quiet.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", quiet.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.BadInput, verbose.ExitCode);
        Assert.Contains("InvalidDataException", verbose.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_OfAMissingFolder_ExitsOne_WithoutCreatingAStore()
    {
        using var folder = new TempFolder();
        var database = folder.Combine("leadwise.db");

        var run = await CliRun.RunAsync("import", folder.Combine("nope"), "--db", database);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("There is no folder", run.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(database));
    }

    [Fact]
    public async Task Status_OnAnUnreachablePostgresServer_ExitsOne_NamingHostAndDatabaseButNotThePassword()
    {
        // Given: LEADWISE_DB names PostgreSQL on a port nothing listens on (port 1 is never a database)
        var environment = new Dictionary<string, string> { ["LEADWISE_DB"] = "Host=127.0.0.1;Port=1;Database=crm;Username=app;Password=hunter2;Timeout=3" };

        // When
        var run = await CliRun.RunAsync(environment, "status", "--verbose");

        // Then
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("Could not open PostgreSQL 127.0.0.1:1/crm", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", run.Output, StringComparison.Ordinal);
    }
}
