using System.Globalization;
using System.Runtime.CompilerServices;
using Leadwise.Core.Companies;
using Leadwise.Core.Engagement;
using Leadwise.Core.Jobs;
using Leadwise.Core.Models;
using Leadwise.Core.Outreach;
using Leadwise.Core.Scoring;
using Leadwise.Data.Sqlite;
using Leadwise.Data.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Leadwise.Data.Postgres;

/// <summary>
/// One PostgreSQL transaction. <see cref="StoreWriteMode.Incremental"/> upserts row by row through a
/// prepared statement per table. <see cref="StoreWriteMode.BulkLoad"/> streams a table's rows by binary
/// COPY into a temporary staging table and merges the batch with <c>INSERT … ON CONFLICT</c> as soon
/// as anything else happens on the transaction (another table, a read, the commit), so reads inside
/// the transaction see every row written before them. Events go row by row in incremental mode, where
/// each insert says whether the event was new; a bulk load copies them too, counts the rows the merge
/// left out as already stored and reports them from <see cref="SettleStagedEventsAsync"/>. Disposing without <see cref="CommitAsync"/> rolls everything back,
/// staging tables included (they are dropped at transaction end).
/// </summary>
internal sealed class PostgresStoreWriter : IStoreWriter
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;
    private readonly StoreWriteMode _mode;
    private readonly PostgresFieldSink _sink = new();
    private readonly Dictionary<object, NpgsqlCommand> _prepared = [];
    private readonly HashSet<string> _stagingTables = new(StringComparer.Ordinal);
    private OpenCopy? _copy;
    private long _stagedEventsAlreadyStored;
    private bool _committed;

    private PostgresStoreWriter(NpgsqlConnection connection, NpgsqlTransaction transaction, StoreWriteMode mode)
    {
        _connection = connection;
        _transaction = transaction;
        _mode = mode;
    }

    public static async Task<PostgresStoreWriter> BeginAsync(NpgsqlConnection connection, StoreWriteMode mode, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        return new PostgresStoreWriter(connection, transaction, mode);
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

    public async Task<IReadOnlySet<LeadId>> ReadLeadIdsAsync(CancellationToken cancellationToken)
    {
        var ids = new HashSet<LeadId>();
        await foreach (var id in ReadIdsAsync("SELECT id FROM leads", cancellationToken).ConfigureAwait(false))
        {
            ids.Add(new LeadId(id));
        }

        return ids;
    }

    public ValueTask UpsertAsync(User user, CancellationToken cancellationToken) => WriteAsync(PostgresTables.Users, user, cancellationToken);

    public ValueTask UpsertAsync(Campaign campaign, CancellationToken cancellationToken) => WriteAsync(PostgresTables.Campaigns, campaign, cancellationToken);

    public ValueTask UpsertAsync(Message message, CancellationToken cancellationToken) => WriteAsync(PostgresTables.Messages, message, cancellationToken);

    public ValueTask UpsertAsync(Lead lead, CancellationToken cancellationToken) => WriteAsync(PostgresTables.Leads, lead, cancellationToken);

    public ValueTask UpsertAsync(CampaignSnapshot snapshot, CancellationToken cancellationToken) => WriteAsync(PostgresTables.Snapshots, snapshot, cancellationToken);

    public async ValueTask<bool> UpsertAsync(EngagementEvent engagementEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engagementEvent);
        if (_mode == StoreWriteMode.BulkLoad)
        {
            // Staged: whether it was new is known when the staging table is merged (SettleStagedEventsAsync).
            await WriteAsync(PostgresTables.Events, engagementEvent, cancellationToken).ConfigureAwait(false);
            return true;
        }

        return await ExecuteRowAsync(PostgresTables.Events, engagementEvent, cancellationToken).ConfigureAwait(false) > 0;
    }

    public async Task<long> SettleStagedEventsAsync(CancellationToken cancellationToken)
    {
        await FinishCopyAsync(cancellationToken).ConfigureAwait(false);
        var alreadyStored = _stagedEventsAlreadyStored;
        _stagedEventsAlreadyStored = 0;
        return alreadyStored;
    }

    public ValueTask UpsertAsync(CompanyProfile company, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(company);
        ArgumentException.ThrowIfNullOrWhiteSpace(company.Name, nameof(company));
        return WriteAsync(PostgresTables.Companies, company, cancellationToken);
    }

    public ValueTask UpsertAsync(LeadScore score, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(score);
        return WriteAsync(PostgresTables.Scores, score, cancellationToken);
    }

    public ValueTask UpsertAsync(ModelScore score, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(score);
        return WriteAsync(PostgresTables.ModelScores, score, cancellationToken);
    }

    public async Task AddExtraColumnsAsync(StoreTable table, IReadOnlyList<string> columns, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(columns);
        await FinishCopyAsync(cancellationToken).ConfigureAwait(false);
        foreach (var column in columns)
        {
            await using var command = CreateCommand("""
                INSERT INTO extra_columns (table_name, column_name, position)
                VALUES ($1, $2, (SELECT coalesce(max(position), -1) + 1 FROM extra_columns WHERE table_name = $1))
                ON CONFLICT DO NOTHING
                """);
            command.Parameters.Add(new NpgsqlParameter { Value = table.ToString() });
            command.Parameters.Add(new NpgsqlParameter { Value = column });
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task AddModelAsync(ModelVersion model, ReadOnlyMemory<byte> artifact, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        await FinishCopyAsync(cancellationToken).ConfigureAwait(false);
        await using var command = CreateCommand("""
            INSERT INTO models (version, kind, created_at, summary, metadata, artifact, account_id) VALUES ($1, $2, $3, $4, $5, $6, $7)
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = model.Version, NpgsqlDbType = NpgsqlDbType.Integer });
        command.Parameters.Add(new NpgsqlParameter { Value = model.Kind, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = ToStored(model.CreatedAt), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = model.Summary, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = model.MetadataJson, NpgsqlDbType = NpgsqlDbType.Json });
        command.Parameters.Add(new NpgsqlParameter { Value = artifact.ToArray(), NpgsqlDbType = NpgsqlDbType.Bytea });
        command.Parameters.Add(new NpgsqlParameter { Value = model.Account is { } account ? account.Value : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task AddApiKeyAsync(StoredApiKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        await FinishCopyAsync(cancellationToken).ConfigureAwait(false);
        // The id column numbers itself by default; after an explicit id its sequence must move past it, or the next
        // `leadwise apikey create` would collide with a copied key.
        await using var command = CreateCommand("INSERT INTO api_keys (id, name, created_at, revoked_at, secret_hash, account_id) VALUES ($1, $2, $3, $4, $5, $6)");
        command.Parameters.Add(new NpgsqlParameter { Value = key.Key.Id, NpgsqlDbType = NpgsqlDbType.Bigint });
        command.Parameters.Add(new NpgsqlParameter { Value = key.Key.Name, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = ToStored(key.Key.CreatedAt), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = key.Key.RevokedAt is { } revoked ? ToStored(revoked) : DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = key.SecretHash.ToArray(), NpgsqlDbType = NpgsqlDbType.Bytea });
        command.Parameters.Add(new NpgsqlParameter { Value = key.Key.Account is { } account ? account.Value : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await using var sequence = CreateCommand("SELECT setval(pg_get_serial_sequence('api_keys', 'id'), (SELECT max(id) FROM api_keys))");
        await sequence.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task AddJobAsync(Job job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        await FinishCopyAsync(cancellationToken).ConfigureAwait(false);
        await using var command = CreateCommand($"INSERT INTO jobs ({JobRows.Columns}) VALUES ({PostgresLeadwiseStore.JobValues})");
        PostgresLeadwiseStore.BindJob(command, job);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task AddJobFileAsync(JobFileChunk chunk, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        await FinishCopyAsync(cancellationToken).ConfigureAwait(false);
        await using var command = CreateCommand($"INSERT INTO job_files ({JobRows.FileColumns}) VALUES ($1, $2, $3, $4)");
        PostgresLeadwiseStore.BindJobFile(command, chunk);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task AddPromotionAsync(ModelPromotion promotion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(promotion);
        await FinishCopyAsync(cancellationToken).ConfigureAwait(false);
        await using var command = CreateCommand("""
            INSERT INTO model_promotions (kind, version, promoted_at)
            SELECT $1, version, $3 FROM models WHERE version = $2 AND kind = $1
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = promotion.Kind, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = promotion.Version, NpgsqlDbType = NpgsqlDbType.Integer });
        command.Parameters.Add(new NpgsqlParameter { Value = ToStored(promotion.PromotedAt), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"There is no {promotion.Kind} model version {promotion.Version} to promote."));
        }

        // Nodes already serving the target (db copy --replace under running servers) reload when the copy commits.
        await PostgresLeadwiseStore.NotifyPromotionAsync(_connection, _transaction, promotion.Kind, promotion.Version, cancellationToken).ConfigureAwait(false);
    }

    public async Task ClearAsync(CancellationToken cancellationToken)
    {
        await FinishCopyAsync(cancellationToken).ConfigureAwait(false);

        // One statement, because PostgreSQL truncates a referenced table (models) only together with the
        // tables referencing it. TRUNCATE is transactional: a rollback brings every row back.
        await using var command = CreateCommand($"TRUNCATE {string.Join(", ", StoreTableNames.All)} RESTART IDENTITY");
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        await FinishCopyAsync(cancellationToken).ConfigureAwait(false);
        await _transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        _committed = true;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_copy is { } copy)
            {
                // Disposing an unfinished COPY cancels it; the rollback below discards what it staged.
                _copy = null;
                await copy.Importer.DisposeAsync().ConfigureAwait(false);
            }
        }
        catch (NpgsqlException)
        {
            // The connection is closed below either way; a broken COPY must not hide the rollback.
        }

        foreach (var command in _prepared.Values)
        {
            await command.DisposeAsync().ConfigureAwait(false);
        }

        try
        {
            if (!_committed)
            {
                await _transaction.RollbackAsync().ConfigureAwait(false);
            }
        }
        catch (NpgsqlException) when (_connection.FullState.HasFlag(System.Data.ConnectionState.Broken))
        {
            // A broken connection has no transaction left to roll back: the server ended it when the connection broke.
        }
        finally
        {
            await _transaction.DisposeAsync().ConfigureAwait(false);
            await _connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    private ValueTask WriteAsync<TRow>(PostgresTable<TRow> table, TRow row, CancellationToken cancellationToken)
        where TRow : class
    {
        if (_mode == StoreWriteMode.BulkLoad && _copy?.Table == table)
        {
            _copy.Importer.StartRow();
            table.Write(row, _sink.ToCopy(_copy.Importer));
            _copy.Rows++;
            return ValueTask.CompletedTask;
        }

        return SlowWriteAsync(table, row, cancellationToken);
    }

    private async ValueTask SlowWriteAsync<TRow>(PostgresTable<TRow> table, TRow row, CancellationToken cancellationToken)
        where TRow : class
    {
        if (_mode == StoreWriteMode.Incremental)
        {
            await ExecuteRowAsync(table, row, cancellationToken).ConfigureAwait(false);
            return;
        }

        await StartCopyAsync(table, cancellationToken).ConfigureAwait(false);
        await _copy!.Importer.StartRowAsync(cancellationToken).ConfigureAwait(false);
        table.Write(row, _sink.ToCopy(_copy.Importer));
        _copy.Rows++;
    }

    private async Task<int> ExecuteRowAsync<TRow>(PostgresTable<TRow> table, TRow row, CancellationToken cancellationToken)
        where TRow : class
    {
        await FinishCopyAsync(cancellationToken).ConfigureAwait(false);
        if (!_prepared.TryGetValue(table, out var command))
        {
            command = CreateCommand(table.InsertSql);
            foreach (var (_, type) in table.Columns)
            {
                command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = type });
            }

            await command.PrepareAsync(cancellationToken).ConfigureAwait(false);
            _prepared[table] = command;
        }

        table.Write(row, _sink.ToParameters(command.Parameters));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task StartCopyAsync<TRow>(PostgresTable<TRow> table, CancellationToken cancellationToken)
        where TRow : class
    {
        await FinishCopyAsync(cancellationToken).ConfigureAwait(false);
        if (_stagingTables.Add(table.StagingTable))
        {
            await using var create = CreateCommand(table.CreateStagingSql);
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var importer = await _connection.BeginBinaryImportAsync(table.CopySql, cancellationToken).ConfigureAwait(false);

        // Completing the COPY waits for the server to take in the whole batch: no time limit, as for the merge. Zero is
        // the importer's "no limit" (an infinite TimeSpan would become zero wait, npgsql/npgsql#6122).
        importer.Timeout = TimeSpan.Zero;
        _copy = new OpenCopy(table, importer, table.MergeSql);
    }

    /// <summary>Ends the COPY in progress, if any, and merges its staging table into the store table.</summary>
    private async Task FinishCopyAsync(CancellationToken cancellationToken)
    {
        if (_copy is not { } copy)
        {
            return;
        }

        _copy = null;
        await using (copy.Importer.ConfigureAwait(false))
        {
            await copy.Importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        // A merge runs once per batch and grows with it (2.5M events with their unique keys take minutes); Npgsql's
        // default 30-second command timeout would abort a bulk load that is only slow, so the merge has none.
        await using var merge = CreateCommand(copy.MergeSql);
        merge.CommandTimeout = 0;
        var merged = await merge.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        if (ReferenceEquals(copy.Table, PostgresTables.Events))
        {
            // The events merge inserts with ON CONFLICT DO NOTHING (the TRUNCATE after it reports no rows), so every
            // staged row it did not insert was an event the store held already, or one staged twice in this batch.
            _stagedEventsAlreadyStored += copy.Rows - merged;
        }
    }

    /// <summary>A timestamp cut to whole microseconds (what both stores keep), as a UTC <see cref="DateTime"/>.</summary>
    private static DateTime ToStored(DateTimeOffset value) =>
        StoreTimestamps.FromMicroseconds(StoreTimestamps.ToMicroseconds(value)).UtcDateTime;

    private NpgsqlCommand CreateCommand(string sql) => new(sql, _connection, _transaction);

    private async IAsyncEnumerable<long> ReadIdsAsync(string sql, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await FinishCopyAsync(cancellationToken).ConfigureAwait(false);
        await using var command = CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return reader.GetInt64(0);
        }
    }

    /// <summary>A COPY into a staging table in progress: which table it fills and how it is merged.</summary>
    private sealed record OpenCopy(object Table, NpgsqlBinaryImporter Importer, string MergeSql)
    {
        public long Rows { get; set; }
    }
}
