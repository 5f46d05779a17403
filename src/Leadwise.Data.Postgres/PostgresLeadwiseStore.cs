using System.Globalization;
using System.Runtime.CompilerServices;
using Leadwise.Core.Outreach;
using Leadwise.Data.Export;
using Leadwise.Data.Storage;
using Npgsql;

namespace Leadwise.Data.Postgres;

/// <summary>
/// The store on a PostgreSQL database, chosen by a connection string (<c>Host=…;Database=…</c> or a
/// <c>postgresql://</c> URI). Connections come from one <see cref="NpgsqlDataSource"/> (a pool), one
/// per operation, so the store is safe to share between requests. Same schema meaning, keys, upsert and
/// dedup rules as <see cref="Sqlite.SqliteLeadwiseStore"/>; see docs/postgres.md.
/// </summary>
public sealed partial class PostgresLeadwiseStore : ILeadwiseStore
{
    private readonly NpgsqlDataSource _dataSource;

    private PostgresLeadwiseStore(NpgsqlDataSource dataSource, string description)
    {
        _dataSource = dataSource;
        Description = description;
    }

    /// <summary><c>PostgreSQL host:port/database</c>: never the user name or password.</summary>
    public string Description { get; }

    /// <summary>Connects, and applies pending schema migrations (the database itself must exist).</summary>
    public static async Task<PostgresLeadwiseStore> OpenAsync(string connectionString, CancellationToken cancellationToken) =>
        (await OpenAndMigrateAsync(connectionString, cancellationToken).ConfigureAwait(false)).Store;

    /// <summary>Connects, applies pending schema steps and says which version it found and left.</summary>
    public static async Task<SchemaMigration> MigrateAsync(string connectionString, CancellationToken cancellationToken)
    {
        var (store, versionBefore) = await OpenAndMigrateAsync(connectionString, cancellationToken).ConfigureAwait(false);
        await store.DisposeAsync().ConfigureAwait(false);
        return new SchemaMigration(store.Description, versionBefore, PostgresMigrations.Steps.Count);
    }

    private static async Task<(PostgresLeadwiseStore Store, int VersionBefore)> OpenAndMigrateAsync(string connectionString, CancellationToken cancellationToken)
    {
        var builder = PostgresConnectionString.Parse(connectionString);
        var description = PostgresConnectionString.Describe(builder);
        var dataSource = NpgsqlDataSource.Create(builder);
        var store = new PostgresLeadwiseStore(dataSource, description);
        try
        {
            await using var connection = await store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            var versionBefore = await ApplyPendingStepsAsync(connection, cancellationToken).ConfigureAwait(false);
            return (store, versionBefore);
        }
        catch
        {
            await store.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The schema version the database is at (the number of migration steps applied).</summary>
    public async Task<int> ReadSchemaVersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await ReadVersionAsync(connection, null, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IStoreWriter> BeginWriteAsync(StoreWriteMode mode, CancellationToken cancellationToken)
    {
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await PostgresStoreWriter.BeginAsync(connection, mode, cancellationToken).ConfigureAwait(false);
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
        await using var command = new NpgsqlCommand("""
            SELECT (SELECT count(*) FROM users), (SELECT count(*) FROM campaigns), (SELECT count(*) FROM messages),
                   (SELECT count(*) FROM leads), (SELECT count(*) FROM campaign_snapshots)
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return new StoreCounts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4));
    }

    public IAsyncEnumerable<User> ReadUsersAsync(CancellationToken cancellationToken) =>
        QueryAsync(UsersTable.Instance, orderBy: "id", where: null, parameter: null, cancellationToken);

    public IAsyncEnumerable<Campaign> ReadCampaignsAsync(CancellationToken cancellationToken) =>
        QueryAsync(CampaignsTable.Instance, orderBy: "id", where: null, parameter: null, cancellationToken);

    public IAsyncEnumerable<Message> ReadMessagesAsync(CancellationToken cancellationToken) =>
        QueryAsync(MessagesTable.Instance, orderBy: "campaign_id, \"order\"", where: null, parameter: null, cancellationToken);

    public IAsyncEnumerable<Lead> ReadLeadsAsync(CancellationToken cancellationToken) =>
        QueryAsync(LeadsTable.Instance, orderBy: "id", where: null, parameter: null, cancellationToken);

    public IAsyncEnumerable<CampaignSnapshot> ReadSnapshotsAsync(CancellationToken cancellationToken) =>
        QueryAsync(SnapshotsTable.Instance, orderBy: "id", where: null, parameter: null, cancellationToken);

    public async Task<Lead?> FindLeadAsync(LeadId id, CancellationToken cancellationToken)
    {
        await foreach (var lead in QueryAsync(LeadsTable.Instance, orderBy: null, where: "id = $1", id.Value, cancellationToken).ConfigureAwait(false))
        {
            return lead;
        }

        return null;
    }

    public IAsyncEnumerable<Lead> ReadLeadsOfCampaignAsync(CampaignId campaignId, CancellationToken cancellationToken) =>
        QueryAsync(LeadsTable.Instance, orderBy: "id", where: "campaign_id = $1", campaignId.Value, cancellationToken);

    public async Task<IReadOnlyList<Message>> ReadMessagesOfCampaignAsync(CampaignId campaignId, CancellationToken cancellationToken)
    {
        var messages = new List<Message>();
        await foreach (var message in QueryAsync(MessagesTable.Instance, orderBy: "\"order\"", where: "campaign_id = $1", campaignId.Value, cancellationToken).ConfigureAwait(false))
        {
            messages.Add(message);
        }

        return messages;
    }

    public async Task<IReadOnlyList<string>> ReadExtraColumnsAsync(StoreTable table, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("SELECT column_name FROM extra_columns WHERE table_name = $1 ORDER BY position", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = table.ToString() });
        var columns = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            columns.Add(reader.GetString(0));
        }

        return columns;
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private IAsyncEnumerable<TRow> QueryAsync<TRow>(
        ExportTable<TRow> table,
        string? orderBy,
        string? where,
        object? parameter,
        CancellationToken cancellationToken)
        where TRow : class =>
        QueryWithParametersAsync(table, orderBy, where, parameter is null ? [] : [parameter], cancellationToken);

    /// <summary>Rows of <paramref name="table"/>; <paramref name="parameters"/> bind to <c>$1</c>, <c>$2</c>, … in order.</summary>
    private async IAsyncEnumerable<TRow> QueryWithParametersAsync<TRow>(
        ExportTable<TRow> table,
        string? orderBy,
        string? where,
        IReadOnlyList<object> parameters,
        [EnumeratorCancellation] CancellationToken cancellationToken)
        where TRow : class
    {
        var sql = $"SELECT {PostgresTable<TRow>.SelectList(table)} FROM {table.SqlTable}"
            + (where is null ? string.Empty : $" WHERE {where}")
            + (orderBy is null ? string.Empty : $" ORDER BY {orderBy}");
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var source = new PostgresFieldSource(reader);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            source.Reset();
            yield return table.Read(source);
        }
    }

    private async Task<NpgsqlConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    private static async Task<int> ReadVersionAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"SELECT CASE WHEN to_regclass('{PostgresMigrations.VersionTable}') IS NULL THEN 0 ELSE (SELECT coalesce(max(version), 0) FROM {PostgresMigrations.VersionTable}) END",
            connection, transaction);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Applies the missing steps in one transaction and returns the version the database was at before.
    /// The advisory lock makes two processes opening the same new database at once take turns, so the
    /// second sees the first's steps and applies none.
    /// </summary>
    private static async Task<int> ApplyPendingStepsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var command = new NpgsqlCommand(
            $"""
            SELECT pg_advisory_xact_lock(7105969535);
            CREATE TABLE IF NOT EXISTS {PostgresMigrations.VersionTable} (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now());
            """,
            connection, transaction))
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var version = await ReadVersionAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        if (version > PostgresMigrations.Steps.Count)
        {
            throw new InvalidDataException(
                $"The database is at schema version {version}, newer than this Leadwise knows ({PostgresMigrations.Steps.Count}); upgrade Leadwise.");
        }

        for (var step = version; step < PostgresMigrations.Steps.Count; step++)
        {
            await using var command = new NpgsqlCommand(
                PostgresMigrations.Steps[step] + $"\nINSERT INTO {PostgresMigrations.VersionTable} (version) VALUES ({(step + 1).ToString(CultureInfo.InvariantCulture)});",
                connection, transaction);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return version;
    }
}
