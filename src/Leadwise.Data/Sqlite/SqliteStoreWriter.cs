using Leadwise.Core.Companies;
using Leadwise.Core.Engagement;
using Leadwise.Core.Outreach;
using Leadwise.Data.Export;
using Leadwise.Data.Storage;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Leadwise.Data.Sqlite;

/// <summary>
/// One SQLite transaction with a prepared upsert per table. Nothing is visible to readers until
/// <see cref="CommitAsync"/>; disposing first rolls it all back.
/// </summary>
internal sealed partial class SqliteStoreWriter : IStoreWriter
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly TableWriter<User> _users;
    private readonly TableWriter<Campaign> _campaigns;
    private readonly TableWriter<Message> _messages;
    private readonly TableWriter<Lead> _leads;
    private readonly TableWriter<CampaignSnapshot> _snapshots;
    private readonly TableWriter<EngagementEvent> _events;
    private readonly TableWriter<CompanyProfile> _companies;
    private readonly PreparedStatement _scores;
    private readonly PreparedStatement _modelScores;
    private readonly IReadOnlyList<string> _deferredIndexes;
    private bool _committed;

    private SqliteStoreWriter(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<string> deferredIndexes)
    {
        _connection = connection;
        _transaction = transaction;
        _deferredIndexes = deferredIndexes;
        _users = new TableWriter<User>(this, UsersTable.Instance, ["id"]);
        _campaigns = new TableWriter<Campaign>(this, CampaignsTable.Instance, ["id"]);
        _messages = new TableWriter<Message>(this, MessagesTable.Instance, ["campaign_id", "order"]);
        _leads = new TableWriter<Lead>(this, LeadsTable.Instance, ["id"]);
        _snapshots = new TableWriter<CampaignSnapshot>(this, SnapshotsTable.Instance, ["id"]);
        _events = new TableWriter<EngagementEvent>(this, EventsTable.Instance, SqliteStatements.InsertIfNew(EventsTable.Instance, ["derived_key"]),
            static (row, sink) => sink.Blob(EngagementEventKeys.DerivedKey(row)));
        _companies = new TableWriter<CompanyProfile>(this, CompaniesTable.Instance, SqliteStatements.Upsert(CompaniesTable.Instance, ["name_key"], ["name_key"]),
            static (row, sink) => sink.Text(CompanyNameKey.Of(row.Name)));
        _scores = new PreparedStatement(this, ScoreUpsert, "lead_scores");
        _modelScores = new PreparedStatement(this, ModelScoreUpsert, "lead_model_scores");
    }

    public static async Task<SqliteStoreWriter> BeginAsync(SqliteConnection connection, StoreWriteMode mode, CancellationToken cancellationToken)
    {
        await using (var pragma = connection.CreateCommand())
        {
            // A bulk import touches the leads table and its indexes all over; SQLite's 2 MB default
            // page cache would spill and re-read pages constantly. 256 MB is allocated only as used.
            pragma.CommandText = "PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY; PRAGMA threads = 2;";
            await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var deferred = mode == StoreWriteMode.BulkLoad
            ? await DropSecondaryIndexesAsync(connection, transaction, cancellationToken).ConfigureAwait(false)
            : [];
        return new SqliteStoreWriter(connection, transaction, deferred);
    }

    /// <summary>
    /// Inserting a million leads into a table with secondary indexes costs random B-tree writes per
    /// row; building each index once at the end is several times faster. DDL is transactional in
    /// SQLite, so a rollback brings the indexes back untouched.
    /// </summary>
    private static async Task<IReadOnlyList<string>> DropSecondaryIndexesAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        var indexes = new List<(string Name, string Sql)>();
        await using (var list = connection.CreateCommand())
        {
            list.Transaction = transaction;
            list.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name";
            await using var reader = await list.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in indexes)
        {
            await using var drop = connection.CreateCommand();
            drop.Transaction = transaction;
            drop.CommandText = $"DROP INDEX \"{name}\"";
            await drop.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return [.. indexes.Select(index => index.Sql)];
    }

    public async Task<IReadOnlySet<UserId>> ReadUserIdsAsync(CancellationToken cancellationToken)
    {
        var ids = new HashSet<UserId>();
        await foreach (var id in ReadIdsAsync("SELECT id FROM users", cancellationToken).ConfigureAwait(false))
        {
            ids.Add(new UserId(id));
        }

        return ids;
    }

    public async Task<IReadOnlySet<CampaignId>> ReadCampaignIdsAsync(CancellationToken cancellationToken)
    {
        var ids = new HashSet<CampaignId>();
        await foreach (var id in ReadIdsAsync("SELECT id FROM campaigns", cancellationToken).ConfigureAwait(false))
        {
            ids.Add(new CampaignId(id));
        }

        return ids;
    }

    public ValueTask UpsertAsync(User user, CancellationToken cancellationToken) => _users.Upsert(user);

    public ValueTask UpsertAsync(Campaign campaign, CancellationToken cancellationToken) => _campaigns.Upsert(campaign);

    public ValueTask UpsertAsync(Message message, CancellationToken cancellationToken) => _messages.Upsert(message);

    public ValueTask UpsertAsync(Lead lead, CancellationToken cancellationToken) => _leads.Upsert(lead);

    public ValueTask UpsertAsync(CampaignSnapshot snapshot, CancellationToken cancellationToken) => _snapshots.Upsert(snapshot);

    public async Task AddExtraColumnsAsync(StoreTable table, IReadOnlyList<string> columns, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(columns);
        foreach (var column in columns)
        {
            await using var command = CreateCommand("""
                INSERT INTO extra_columns (table_name, column_name, position)
                VALUES ($table, $column, (SELECT coalesce(max(position), -1) + 1 FROM extra_columns WHERE table_name = $table))
                ON CONFLICT DO NOTHING
                """);
            command.Parameters.AddWithValue("$table", table.ToString());
            command.Parameters.AddWithValue("$column", column);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        foreach (var sql in _deferredIndexes)
        {
            await using var create = CreateCommand(sql);
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await _transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        _committed = true;
    }

    public async ValueTask DisposeAsync()
    {
        _users.Dispose();
        _campaigns.Dispose();
        _messages.Dispose();
        _leads.Dispose();
        _snapshots.Dispose();
        _events.Dispose();
        _companies.Dispose();
        _scores.Dispose();
        _modelScores.Dispose();
        if (!_committed)
        {
            await _transaction.RollbackAsync().ConfigureAwait(false);
        }

        await _transaction.DisposeAsync().ConfigureAwait(false);
        await _connection.DisposeAsync().ConfigureAwait(false);
    }

    private SqliteCommand CreateCommand(string sql)
    {
        var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        return command;
    }

    private async IAsyncEnumerable<long> ReadIdsAsync(string sql, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return reader.GetInt64(0);
        }
    }

    /// <summary>A prepared statement on the raw SQLite handle, created on first use and reused for every row.</summary>
    private sealed class PreparedStatement(SqliteStoreWriter owner, string sql, string sqlTable) : IDisposable
    {
        private sqlite3_stmt? _statement;
        private SqliteRawFieldSink? _sink;

        /// <summary>The sink for the next row's parameters, all reset to NULL.</summary>
        public SqliteRawFieldSink Start()
        {
            if (_statement is null)
            {
                var database = owner._connection.Handle!;
                var result = raw.sqlite3_prepare_v2(database, sql, out _statement);
                if (result != raw.SQLITE_OK)
                {
                    throw new InvalidOperationException($"SQLite could not prepare the statement for {sqlTable}: {raw.sqlite3_errmsg(database).utf8_to_string()}");
                }

                _sink = new SqliteRawFieldSink(_statement);
            }

            _sink!.Reset();
            return _sink;
        }

        /// <summary>Runs the statement with the parameters bound since <see cref="Start"/>; true when it changed a row.</summary>
        public bool Execute()
        {
            var step = raw.sqlite3_step(_statement);
            raw.sqlite3_reset(_statement);
            if (step != raw.SQLITE_DONE)
            {
                throw new InvalidOperationException($"SQLite could not write a row into {sqlTable}: {raw.sqlite3_errmsg(owner._connection.Handle).utf8_to_string()}");
            }

            return raw.sqlite3_changes(owner._connection.Handle) > 0;
        }

        public void Dispose() => _statement?.Dispose();
    }

    /// <summary>A table's prepared write: its columns in table order, then any values the store derives from the row.</summary>
    private sealed class TableWriter<TRow>(SqliteStoreWriter owner, ExportTable<TRow> table, string sql, Action<TRow, SqliteRawFieldSink>? derived = null) : IDisposable
        where TRow : class
    {
        private readonly PreparedStatement _statement = new(owner, sql, table.SqlTable);

        public TableWriter(SqliteStoreWriter owner, ExportTable<TRow> table, IReadOnlyList<string> keyColumns)
            : this(owner, table, SqliteStatements.Upsert(table, keyColumns))
        {
        }

        public ValueTask Upsert(TRow row)
        {
            _ = Write(row);
            return ValueTask.CompletedTask;
        }

        public bool Write(TRow row)
        {
            var sink = _statement.Start();
            table.Write(row, sink);
            derived?.Invoke(row, sink);
            return _statement.Execute();
        }

        public void Dispose() => _statement.Dispose();
    }
}
