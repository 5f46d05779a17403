using System.Runtime.CompilerServices;
using Leadwise.Core.Outreach;
using Leadwise.Data.Export;
using Leadwise.Data.Storage;
using Microsoft.Data.Sqlite;

namespace Leadwise.Data.Sqlite;

/// <summary>
/// The default store: one SQLite file in WAL mode, so readers never block the writer. Connections come
/// from Microsoft.Data.Sqlite's pool, one per operation, which keeps the store safe to share between
/// requests of a server.
/// </summary>
public sealed partial class SqliteLeadwiseStore : ILeadwiseStore
{
    private readonly string _connectionString;

    private SqliteLeadwiseStore(string path, string connectionString)
    {
        Path = path;
        _connectionString = connectionString;
    }

    public string Path { get; }

    public string Description => $"SQLite {Path}";

    /// <summary>Opens (creating if needed) the file and applies pending schema migrations.</summary>
    public static async Task<SqliteLeadwiseStore> OpenAsync(string path, CancellationToken cancellationToken) =>
        (await OpenAndMigrateAsync(path, cancellationToken).ConfigureAwait(false)).Store;

    /// <summary>Opens (creating if needed) the file, applies pending schema steps and says which version it found and left.</summary>
    public static async Task<SchemaMigration> MigrateAsync(string path, CancellationToken cancellationToken)
    {
        var (store, versionBefore) = await OpenAndMigrateAsync(path, cancellationToken).ConfigureAwait(false);
        await store.DisposeAsync().ConfigureAwait(false);
        return new SchemaMigration(store.Description, versionBefore, SqliteMigrations.Steps.Count);
    }

    private static async Task<(SqliteLeadwiseStore Store, int VersionBefore)> OpenAndMigrateAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = System.IO.Path.GetFullPath(path);
        var directory = System.IO.Path.GetDirectoryName(fullPath);
        if (directory is not null && !Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"The folder for the database does not exist: {directory}");
        }

        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
        }.ToString();
        var store = new SqliteLeadwiseStore(fullPath, connectionString);
        await using var connection = await store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var versionBefore = await ApplyPendingStepsAsync(connection, cancellationToken).ConfigureAwait(false);
        return (store, versionBefore);
    }

    /// <summary>The schema version the file is at (the number of migration steps applied).</summary>
    public async Task<int> ReadSchemaVersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await ReadUserVersionAsync(connection, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IStoreWriter> BeginWriteAsync(StoreWriteMode mode, CancellationToken cancellationToken)
    {
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await SqliteStoreWriter.BeginAsync(connection, mode, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async Task<StoreCounts> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT (SELECT count(*) FROM users), (SELECT count(*) FROM campaigns), (SELECT count(*) FROM messages),
                   (SELECT count(*) FROM leads), (SELECT count(*) FROM campaign_snapshots)
            """;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return new StoreCounts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4));
    }

    public IAsyncEnumerable<User> ReadUsersAsync(CancellationToken cancellationToken) =>
        QueryAsync(UsersTable.Instance, SqliteStatements.Select(UsersTable.Instance, orderBy: "id"), null, cancellationToken);

    public IAsyncEnumerable<Campaign> ReadCampaignsAsync(CancellationToken cancellationToken) =>
        QueryAsync(CampaignsTable.Instance, SqliteStatements.Select(CampaignsTable.Instance, orderBy: "id"), null, cancellationToken);

    public IAsyncEnumerable<Message> ReadMessagesAsync(CancellationToken cancellationToken) =>
        QueryAsync(MessagesTable.Instance, SqliteStatements.Select(MessagesTable.Instance, orderBy: "campaign_id, \"order\""), null, cancellationToken);

    public IAsyncEnumerable<Lead> ReadLeadsAsync(CancellationToken cancellationToken) =>
        QueryAsync(LeadsTable.Instance, SqliteStatements.Select(LeadsTable.Instance, orderBy: "id"), null, cancellationToken);

    public IAsyncEnumerable<CampaignSnapshot> ReadSnapshotsAsync(CancellationToken cancellationToken) =>
        QueryAsync(SnapshotsTable.Instance, SqliteStatements.Select(SnapshotsTable.Instance, orderBy: "id"), null, cancellationToken);

    public async Task<Lead?> FindLeadAsync(LeadId id, CancellationToken cancellationToken)
    {
        await foreach (var lead in QueryAsync(LeadsTable.Instance, SqliteStatements.Select(LeadsTable.Instance, where: "id = $id"), ("$id", id.Value), cancellationToken).ConfigureAwait(false))
        {
            return lead;
        }

        return null;
    }

    public IAsyncEnumerable<Lead> ReadLeadsOfCampaignAsync(CampaignId campaignId, CancellationToken cancellationToken) =>
        QueryAsync(LeadsTable.Instance, SqliteStatements.Select(LeadsTable.Instance, where: "campaign_id = $id", orderBy: "id"), ("$id", campaignId.Value), cancellationToken);

    public async Task<IReadOnlyList<Message>> ReadMessagesOfCampaignAsync(CampaignId campaignId, CancellationToken cancellationToken)
    {
        var messages = new List<Message>();
        await foreach (var message in QueryAsync(MessagesTable.Instance, SqliteStatements.Select(MessagesTable.Instance, where: "campaign_id = $id", orderBy: "\"order\""), ("$id", campaignId.Value), cancellationToken).ConfigureAwait(false))
        {
            messages.Add(message);
        }

        return messages;
    }

    public async Task<IReadOnlyList<string>> ReadExtraColumnsAsync(StoreTable table, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT column_name FROM extra_columns WHERE table_name = $table ORDER BY position";
        command.Parameters.AddWithValue("$table", table.ToString());
        var columns = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            columns.Add(reader.GetString(0));
        }

        return columns;
    }

    public ValueTask DisposeAsync()
    {
        // Pooled connections keep the file open (and its WAL un-checkpointed) until the pool lets go.
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
        return ValueTask.CompletedTask;
    }

    private IAsyncEnumerable<TRow> QueryAsync<TRow>(
        ExportTable<TRow> table,
        string sql,
        (string Name, object Value)? parameter,
        CancellationToken cancellationToken)
        where TRow : class =>
        QueryWithParametersAsync(table, sql, parameter is { } p ? [p] : [], cancellationToken);

    private async IAsyncEnumerable<TRow> QueryWithParametersAsync<TRow>(
        ExportTable<TRow> table,
        string sql,
        IReadOnlyList<(string Name, object Value)> parameters,
        [EnumeratorCancellation] CancellationToken cancellationToken)
        where TRow : class
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var source = new SqliteFieldSource(reader);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            source.Reset();
            yield return table.Read(source);
        }
    }

    private async Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            // page_size only takes effect on a new, empty file: 16 KB pages suit rows of ~300 bytes and
            // the full-table scans scoring and training do (fewer pages, fewer WAL frames to checksum).
            // WAL lets readers run beside an import; NORMAL is durable at each commit in WAL mode.
            command.CommandText = "PRAGMA page_size = 16384; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 10000;";
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch (SqliteException exception) when (exception.SqliteErrorCode is 26 /* SQLITE_NOTADB */)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw new InvalidDataException($"{Path} is not a SQLite database (or is encrypted or damaged).", exception);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static async Task<int> ReadUserVersionAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Applies the missing steps in one transaction; returns the version the file was at before.</summary>
    private static async Task<int> ApplyPendingStepsAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var version = await ReadUserVersionAsync(connection, cancellationToken).ConfigureAwait(false);
        if (version > SqliteMigrations.Steps.Count)
        {
            throw new InvalidDataException(
                $"The database is at schema version {version}, newer than this Leadwise knows ({SqliteMigrations.Steps.Count}); upgrade Leadwise.");
        }

        if (version == SqliteMigrations.Steps.Count)
        {
            return version;
        }

        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        for (var step = version; step < SqliteMigrations.Steps.Count; step++)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = SqliteMigrations.Steps[step] + $"\nPRAGMA user_version = {step + 1};";
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return version;
    }
}
