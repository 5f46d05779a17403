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

    /// <summary>
    /// Writes a store as a Leadwise before per-account models (schema version 7) left it: install-wide conversion versions
    /// 1 and 2, promoted 1 then 2, and a model score pointing at version 2.
    /// </summary>
    private protected abstract Task WriteStoreBeforeAccountModelsAsync(string location);

    [SkippableFact]
    public async Task MigrateAsync_StoreBeforeAccountModels_KeepsEveryVersionAndPromotion_AsInstallWide()
    {
        // Given
        var location = await Backend.CreateLocationAsync(_directory);
        await WriteStoreBeforeAccountModelsAsync(location);

        // When
        var migration = await StoreFactory.MigrateAsync(location, CancellationToken.None);

        // Then: the versions, their artifacts and the promotion history are as they were, and belong to no account
        Assert.Equal((7, LatestVersion), (migration.VersionBefore, migration.VersionAfter));
        await using var store = await StoreFactory.OpenAsync(location, mustExist: true, CancellationToken.None);
        var models = await store.ReadModelsAsync(CancellationToken.None).ToListAsync();
        Assert.Equal([(1, "first", (Leadwise.Core.Outreach.UserId?)null), (2, "second", null)], models.Select(m => (m.Version, m.Summary, m.Account)));
        Assert.Equal([0x02], await store.ReadModelArtifactAsync(2, CancellationToken.None));
        Assert.Equal([1, 2], (await store.ReadAccountPromotionsAsync(Leadwise.Core.Models.ModelKinds.Conversion, null, CancellationToken.None)).Select(p => p.Version));
        Assert.Equal(2, (await store.ReadModelScoresAsync(CancellationToken.None).SingleAsync()).ModelVersion);

        // and the next version, of an account, is numbered after them
        var next = await store.SaveModelAsync(Leadwise.Core.Models.ModelKinds.Conversion, new Leadwise.Core.Outreach.UserId(7), DateTimeOffset.UnixEpoch, "account", "{}", new byte[] { 3 }, CancellationToken.None);
        Assert.Equal((3, new Leadwise.Core.Outreach.UserId(7)), (next.Version, next.Account!.Value));
    }

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

    private protected override async Task WriteStoreBeforeAccountModelsAsync(string location)
    {
        await using var connection = new SqliteConnection($"Data Source={location};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = string.Join("\n", SqliteMigrations.Steps.Take(7)) + """

            PRAGMA user_version = 7;
            INSERT INTO users (id, company_name) VALUES (7, 'Acme GmbH');
            INSERT INTO models (version, kind, created_at, summary, metadata, artifact) VALUES (1, 'conversion', 0, 'first', '{}', x'01'), (2, 'conversion', 1, 'second', '{}', x'02');
            INSERT INTO model_promotions (kind, version, promoted_at) VALUES ('conversion', 1, 2), ('conversion', 2, 3);
            INSERT INTO lead_model_scores (lead_id, model_version, probability, score, grade, as_of) VALUES (11, 2, 0.25, 25, 'C', 4);
            """;
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

    private protected override async Task WriteStoreBeforeAccountModelsAsync(string location)
    {
        await using var connection = new NpgsqlConnection(location);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            string.Join("\n", PostgresMigrations.Steps.Take(7)) + $$"""

            CREATE TABLE {{PostgresMigrations.VersionTable}} (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now());
            INSERT INTO {{PostgresMigrations.VersionTable}} (version) VALUES (1), (2), (3), (4), (5), (6), (7);
            INSERT INTO users (id, company_name) VALUES (7, 'Acme GmbH');
            INSERT INTO models (version, kind, created_at, summary, metadata, artifact) VALUES
                (1, 'conversion', '1970-01-01Z', 'first', '{}', '\x01'), (2, 'conversion', '1970-01-02Z', 'second', '{}', '\x02');
            INSERT INTO model_promotions (kind, version, promoted_at) VALUES ('conversion', 1, '1970-01-03Z'), ('conversion', 2, '1970-01-04Z');
            INSERT INTO lead_model_scores (lead_id, model_version, probability, score, grade, as_of) VALUES (11, 2, 0.25, 25, 'C', '1970-01-05Z');
            """,
            connection);
        await command.ExecuteNonQueryAsync();
    }
}
