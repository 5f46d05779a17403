using Leadwise.Data.Postgres;
using Leadwise.Data.Sqlite;
using Leadwise.Data.Storage;
using Leadwise.Data.Tests.Support;
using Leadwise.Testing;
using Leadwise.Testing.Postgres;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Leadwise.Data.Tests.Storage;

/// <summary><c>leadwise db migrate</c>'s library call on both backends: an old store is brought up to date once, then left alone.</summary>
public abstract class SchemaMigrationTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    private protected abstract StoreBackend Backend { get; }

    private protected abstract int LatestVersion { get; }

    public void Dispose()
    {
        _directory.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Writes a store as a Leadwise that knew only step 1 left it, holding a user with id 7.</summary>
    private protected abstract Task WriteVersionOneStoreAsync(string location);

    [SkippableFact]
    public async Task MigrateAsync_VersionOneStore_AppliesTheMissingSteps_KeepsItsRows_AndASecondRunAppliesNone()
    {
        // Given
        var location = await Backend.CreateLocationAsync(_directory);
        await WriteVersionOneStoreAsync(location);

        // When
        var first = await StoreFactory.MigrateAsync(location, CancellationToken.None);
        var second = await StoreFactory.MigrateAsync(location, CancellationToken.None);

        // Then
        Assert.Equal((1, LatestVersion, LatestVersion - 1), (first.VersionBefore, first.VersionAfter, first.StepsApplied));
        Assert.Equal((LatestVersion, LatestVersion, 0), (second.VersionBefore, second.VersionAfter, second.StepsApplied));
        Assert.Equal(StoreFactory.Describe(location), first.Store);
        await using var store = await StoreFactory.OpenAsync(location, mustExist: true, CancellationToken.None);
        Assert.Equal(1L, (await store.CountAsync(CancellationToken.None)).Users);
        Assert.Equal(new ScoringDataCounts(0, 0, 0), await store.CountScoringDataAsync(CancellationToken.None));
    }

    [SkippableFact]
    public async Task MigrateAsync_StoreOpenedByThisBuild_IsAlreadyUpToDate()
    {
        // Given
        var location = await Backend.CreateLocationAsync(_directory);
        await (await StoreFactory.OpenAsync(location, mustExist: false, CancellationToken.None)).DisposeAsync();

        // When
        var migration = await StoreFactory.MigrateAsync(location, CancellationToken.None);

        // Then
        Assert.Equal((LatestVersion, LatestVersion), (migration.VersionBefore, migration.VersionAfter));
    }
}

public sealed class SqliteSchemaMigrationTests : SchemaMigrationTests
{
    private protected override StoreBackend Backend => StoreBackend.Sqlite;

    private protected override int LatestVersion => SqliteMigrations.Steps.Count;

    [Fact]
    public async Task MigrateAsync_MissingFile_IsRefused_AndNotCreated()
    {
        using var directory = new TempDirectory();
        var path = directory.File("missing.db");

        await Assert.ThrowsAsync<FileNotFoundException>(() => StoreFactory.MigrateAsync(path, CancellationToken.None));

        Assert.False(File.Exists(path));
    }

    private protected override async Task WriteVersionOneStoreAsync(string location)
    {
        await using var connection = new SqliteConnection($"Data Source={location};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = SqliteMigrations.Steps[0] + "\nPRAGMA user_version = 1;\nINSERT INTO users (id, company_name) VALUES (7, 'Acme GmbH');";
        await command.ExecuteNonQueryAsync();
    }
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresSchemaMigrationTests(PostgresServerFixture server) : SchemaMigrationTests
{
    private protected override StoreBackend Backend { get; } = StoreBackend.Postgres(server);

    private protected override int LatestVersion => PostgresMigrations.Steps.Count;

    private protected override async Task WriteVersionOneStoreAsync(string location)
    {
        await using var connection = new NpgsqlConnection(location);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            PostgresMigrations.Steps[0] + $"""

            CREATE TABLE {PostgresMigrations.VersionTable} (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now());
            INSERT INTO {PostgresMigrations.VersionTable} (version) VALUES (1);
            INSERT INTO users (id, company_name) VALUES (7, 'Acme GmbH');
            """,
            connection);
        await command.ExecuteNonQueryAsync();
    }
}
