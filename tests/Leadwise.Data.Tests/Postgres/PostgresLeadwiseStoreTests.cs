using Leadwise.Data.Export;
using Leadwise.Data.Postgres;
using Leadwise.Data.Sqlite;
using Leadwise.Data.Tests.Support;
using Leadwise.Testing;
using Leadwise.Testing.Postgres;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace Leadwise.Data.Tests.Postgres;

/// <summary>What only the PostgreSQL store has: its schema version table, its types, its migrations under concurrency.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresLeadwiseStoreTests(PostgresServerFixture server)
{
    [SkippableFact]
    public async Task OpenAsync_NewDatabase_AppliesEveryStepOnce_AndReopeningAppliesNone()
    {
        // Given
        var location = await server.RequireServer().CreateDatabaseAsync("schema", CancellationToken.None);

        // When
        await using (var first = await PostgresLeadwiseStore.OpenAsync(location, CancellationToken.None))
        {
            Assert.Equal(PostgresMigrations.Steps.Count, await first.ReadSchemaVersionAsync(CancellationToken.None));
        }

        await using var second = await PostgresLeadwiseStore.OpenAsync(location, CancellationToken.None);

        // Then
        Assert.Equal(8, PostgresMigrations.Steps.Count);
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8], await QueryAsync(location, $"SELECT version FROM {PostgresMigrations.VersionTable} ORDER BY version", r => r.GetInt32(0)));
    }

    [SkippableFact]
    public async Task OpenAsync_ManyAtOnceOnANewDatabase_MigrateOnce()
    {
        // Given
        var location = await server.RequireServer().CreateDatabaseAsync("race", CancellationToken.None);

        // When
        var stores = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => PostgresLeadwiseStore.OpenAsync(location, CancellationToken.None)));

        // Then
        foreach (var store in stores)
        {
            Assert.Equal(PostgresMigrations.Steps.Count, await store.ReadSchemaVersionAsync(CancellationToken.None));
            await store.DisposeAsync();
        }
    }

    [SkippableFact]
    public async Task OpenAsync_DatabaseFromANewerLeadwise_IsRefused()
    {
        // Given
        var location = await server.RequireServer().CreateDatabaseAsync("newer", CancellationToken.None);
        await (await PostgresLeadwiseStore.OpenAsync(location, CancellationToken.None)).DisposeAsync();
        await QueryAsync(location, $"INSERT INTO {PostgresMigrations.VersionTable} (version) VALUES ({PostgresMigrations.Steps.Count + 1}) RETURNING version", r => r.GetInt32(0));

        // When
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => PostgresLeadwiseStore.OpenAsync(location, CancellationToken.None));

        // Then
        Assert.Contains("newer than this Leadwise knows", error.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Schema_HasSqlitesTablesAndNamedIndexes()
    {
        // Given
        var location = await server.RequireServer().CreateDatabaseAsync("shape", CancellationToken.None);
        await (await PostgresLeadwiseStore.OpenAsync(location, CancellationToken.None)).DisposeAsync();
        using var directory = new TempDirectory();
        await (await SqliteLeadwiseStore.OpenAsync(directory.File("shape.db"), CancellationToken.None)).DisposeAsync();

        // When
        var postgresTables = await QueryAsync(location,
            $"SELECT tablename::text FROM pg_tables WHERE schemaname = 'public' AND tablename <> '{PostgresMigrations.VersionTable}' ORDER BY 1", r => r.GetString(0));
        var postgresIndexes = await QueryAsync(location,
            "SELECT indexname::text FROM pg_indexes WHERE schemaname = 'public' AND indexname NOT LIKE '%_pkey' AND indexname NOT LIKE '%_key' ORDER BY 1", r => r.GetString(0));
        var sqliteTables = await SqliteNamesAsync(directory.File("shape.db"), "table");
        var sqliteIndexes = await SqliteNamesAsync(directory.File("shape.db"), "index");

        // Then
        Assert.Equal(sqliteTables, postgresTables);
        Assert.Equal(sqliteIndexes, postgresIndexes);
        Assert.Contains("leads_by_campaign", postgresIndexes);
    }

    [SkippableFact]
    public async Task Schema_ColumnsHaveTheTypesOfTheTableDefinitions()
    {
        // Given
        var location = await server.RequireServer().CreateDatabaseAsync("types", CancellationToken.None);
        await (await PostgresLeadwiseStore.OpenAsync(location, CancellationToken.None)).DisposeAsync();
        var stored = (await QueryAsync(location,
            "SELECT table_name::text, column_name::text, udt_name::text FROM information_schema.columns WHERE table_schema = 'public'",
            r => (Table: r.GetString(0), Column: r.GetString(1), Type: r.GetString(2))))
            .ToDictionary(c => (c.Table, c.Column), c => c.Type);

        // When
        var expected = new List<(string Table, string Column, string Type)>();
        void Add<TRow>(ExportTable<TRow> table)
            where TRow : class
        {
            expected.AddRange(table.Columns.Select(c => (table.SqlTable, c.SqlName, UdtName(PostgresTable<TRow>.TypeOf(c.Kind)))));
            if (table.ExtraSqlColumn is { } extra)
            {
                expected.Add((table.SqlTable, extra, "jsonb"));
            }
        }

        Add(UsersTable.Instance);
        Add(CampaignsTable.Instance);
        Add(MessagesTable.Instance);
        Add(LeadsTable.Instance);
        Add(SnapshotsTable.Instance);
        Add(EventsTable.Instance);
        Add(CompaniesTable.Instance);

        // Then
        Assert.All(expected, column => Assert.Equal((column.Table, column.Column, column.Type), (column.Table, column.Column, stored.GetValueOrDefault((column.Table, column.Column)))));
    }

    [SkippableFact]
    public async Task Description_NamesHostPortAndDatabase_NeverTheUserOrPassword()
    {
        // Given
        var location = await server.RequireServer().CreateDatabaseAsync("described", CancellationToken.None);
        var builder = new NpgsqlConnectionStringBuilder(location) { Password = "s3cret-pw" };

        // When
        await using var store = await StoreFactory.OpenAsync(builder.ConnectionString, mustExist: true, CancellationToken.None);

        // Then
        Assert.IsType<PostgresLeadwiseStore>(store);
        Assert.Equal($"PostgreSQL 127.0.0.1:{builder.Port}/{builder.Database}", store.Description);
        Assert.DoesNotContain("s3cret", store.Description, StringComparison.Ordinal);
        Assert.DoesNotContain(builder.Username!, store.Description, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task OpenAsync_UriForm_OpensTheSameDatabase()
    {
        // Given
        var location = new NpgsqlConnectionStringBuilder(await server.RequireServer().CreateDatabaseAsync("uri", CancellationToken.None));
        var uri = $"postgresql://{location.Username}:@{location.Host}:{location.Port}/{location.Database}?Pooling=false";

        // When
        await using var store = await StoreFactory.OpenAsync(uri, mustExist: true, CancellationToken.None);

        // Then
        Assert.Equal($"PostgreSQL {location.Host}:{location.Port}/{location.Database}", store.Description);
        Assert.Equal(PostgresMigrations.Steps.Count, await ((PostgresLeadwiseStore)store).ReadSchemaVersionAsync(CancellationToken.None));
    }

    private static string UdtName(NpgsqlDbType type) => type switch
    {
        NpgsqlDbType.Bigint => "int8",
        NpgsqlDbType.Integer => "int4",
        NpgsqlDbType.Numeric => "numeric",
        NpgsqlDbType.Double => "float8",
        NpgsqlDbType.Boolean => "bool",
        NpgsqlDbType.TimestampTz => "timestamptz",
        NpgsqlDbType.Text => "text",
        _ => type.ToString(),
    };

    private static async Task<List<T>> QueryAsync<T>(string connectionString, string sql, Func<NpgsqlDataReader, T> read)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    private static async Task<List<string>> SqliteNamesAsync(string path, string type)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = $type AND sql IS NOT NULL ORDER BY name";
        command.Parameters.AddWithValue("$type", type);
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        names.Sort(StringComparer.Ordinal);
        return names;
    }
}
