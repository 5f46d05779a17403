using Leadwise.Cli.Commands;

namespace Leadwise.Cli.Tests;

public sealed class ServeCommandTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5080", true)]
    [InlineData("http://localhost:5080;http://[::1]:5081", true)]
    [InlineData("http://127.0.0.2:80", true)]
    [InlineData("http://0.0.0.0:5080", false)]
    [InlineData("http://127.0.0.1:5080;http://10.0.0.5:5080", false)]
    [InlineData("http://*:5080", false)]
    [InlineData("http://+:5080", false)]
    [InlineData("", false)]
    public void Reads_AreOpenWithoutAKey_OnlyWhenEveryAddressIsThisMachine(string urls, bool open) =>
        Assert.Equal(open, ServeCommand.ListensOnThisMachineOnly(urls));

    [Fact]
    public async Task ReadDb_ASqlitePath_StopsTheStartWithAnErrorNamingTheSetting()
    {
        // Given: a SQLite store to serve
        using var folder = new TempFolder();
        var database = folder.Combine("leadwise.db");
        await (await Leadwise.Data.Sqlite.SqliteLeadwiseStore.OpenAsync(database, CancellationToken.None)).DisposeAsync();

        // When
        var run = await CliRun.RunAsync("serve", "--db", database, "--read-db", folder.Combine("replica.db"), "--urls", "http://127.0.0.1:0");

        // Then: the option reached the server, which refused it before listening
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Leadwise:ReadDatabase (--read-db) must be a PostgreSQL connection string", run.Output, StringComparison.Ordinal);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task Help_ListsTheReadDbOption()
    {
        var run = await CliRun.RunAsync("serve", "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("--read-db", run.Help, StringComparison.Ordinal);
    }
}
