using Leadwise.Data.Postgres;
using Leadwise.Testing.Postgres;

namespace Leadwise.Cli.Tests;

/// <summary><c>leadwise db migrate</c>: explicit, repeatable, on either backend, and refuses a store that is not there.</summary>
[Collection(PostgresCollection.Name)]
public sealed class DbMigrateCommandTests(PostgresServerFixture server) : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [SkippableFact]
    public async Task Migrate_EmptyPostgresDatabase_CreatesTheSchema_AndASecondRunHasNothingToApply()
    {
        // Given: a new, empty schema (nothing has opened it yet)
        var location = await server.CreateStoreLocationAsync(CancellationToken.None);

        // When
        var first = await CliRun.RunAsync("db", "migrate", "--db", location);
        var second = await CliRun.RunAsync("db", "migrate", "--db", location);

        // Then
        Assert.Equal((ExitCodes.Success, ExitCodes.Success), (first.ExitCode, second.ExitCode));
        Assert.Contains("schema version 0 → 8 (8 step(s) applied)", first.Output, StringComparison.Ordinal);
        Assert.Contains("schema version 8, the latest; nothing to apply", second.Output, StringComparison.Ordinal);
        Assert.StartsWith("PostgreSQL 127.0.0.1:", first.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_UpToDateSqliteStore_SaysSo()
    {
        var database = _folder.Combine("leadwise.db");
        await (await StoreFactory.OpenAsync(database, mustExist: false, CancellationToken.None)).DisposeAsync();

        var run = await CliRun.RunAsync("db", "migrate", "--db", database);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("schema version 8, the latest; nothing to apply", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_MissingSqliteFile_FailsWithoutCreatingIt()
    {
        var database = _folder.Combine("typo.db");

        var run = await CliRun.RunAsync("db", "migrate", "--db", database);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("There is no store at", run.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(database));
    }
}
