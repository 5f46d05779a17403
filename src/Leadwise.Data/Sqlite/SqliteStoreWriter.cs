using Leadwise.Core.Outreach;
using Leadwise.Data.Export;
using Leadwise.Data.Storage;
using Microsoft.Data.Sqlite;

namespace Leadwise.Data.Sqlite;

/// <summary>
/// One SQLite transaction with a prepared upsert per table. Nothing is visible to readers until
/// <see cref="CommitAsync"/>; disposing first rolls it all back.
/// </summary>
internal sealed class SqliteStoreWriter : IStoreWriter
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly TableWriter<User> _users;
    private readonly TableWriter<Campaign> _campaigns;
    private readonly TableWriter<Message> _messages;
    private readonly TableWriter<Lead> _leads;
    private readonly TableWriter<CampaignSnapshot> _snapshots;
    private bool _committed;

    private SqliteStoreWriter(SqliteConnection connection, SqliteTransaction transaction)
    {
        _connection = connection;
        _transaction = transaction;
        _users = new TableWriter<User>(this, UsersTable.Instance, ["id"]);
        _campaigns = new TableWriter<Campaign>(this, CampaignsTable.Instance, ["id"]);
        _messages = new TableWriter<Message>(this, MessagesTable.Instance, ["campaign_id", "order"]);
        _leads = new TableWriter<Lead>(this, LeadsTable.Instance, ["id"]);
        _snapshots = new TableWriter<CampaignSnapshot>(this, SnapshotsTable.Instance, ["id"]);
    }

    public static async Task<SqliteStoreWriter> BeginAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        return new SqliteStoreWriter(connection, transaction);
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

    /// <summary>A prepared upsert, created on first use and reused for every row of its table.</summary>
    private sealed class TableWriter<TRow>(SqliteStoreWriter owner, ExportTable<TRow> table, IReadOnlyList<string> keyColumns) : IDisposable
        where TRow : class
    {
        private SqliteCommand? _command;
        private SqliteFieldSink? _sink;

        public ValueTask Upsert(TRow row)
        {
            if (_command is null)
            {
                _command = owner.CreateCommand(SqliteStatements.Upsert(table, keyColumns));
                for (var i = 0; i < SqliteStatements.ParameterCount(table); i++)
                {
                    _command.Parameters.Add(new SqliteParameter($"$p{i}", null));
                }

                _command.Prepare();
                _sink = new SqliteFieldSink(_command.Parameters);
            }

            _sink!.Reset();
            table.Write(row, _sink);
            _command.ExecuteNonQuery();
            return ValueTask.CompletedTask;
        }

        public void Dispose() => _command?.Dispose();
    }
}
