using System.Globalization;
using System.Runtime.CompilerServices;
using Leadwise.Core.Models;
using Leadwise.Core.Outreach;
using Leadwise.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace Leadwise.Data.Postgres;

/// <summary>The model registry (versions, promotions) and the model scores.</summary>
public sealed partial class PostgresLeadwiseStore
{
    public Task<ModelVersion> SaveModelAsync(string kind, DateTimeOffset createdAt, string summary, string metadataJson, ReadOnlyMemory<byte> artifact, CancellationToken cancellationToken) =>
        SaveModelAsync(kind, null, createdAt, summary, metadataJson, artifact, cancellationToken);

    public async Task<ModelVersion> SaveModelAsync(string kind, UserId? account, DateTimeOffset createdAt, string summary, string metadataJson, ReadOnlyMemory<byte> artifact, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(metadataJson);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        // The next version is max + 1 across all kinds, as SQLite's rowid numbers them. The lock makes
        // concurrent saves take turns (a sequence would also leave gaps after a rollback, which SQLite does not).
        await using (var lockModels = new NpgsqlCommand("LOCK TABLE models IN EXCLUSIVE MODE", connection, transaction))
        {
            await lockModels.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using var command = new NpgsqlCommand("""
            INSERT INTO models (version, kind, created_at, summary, metadata, artifact, account_id)
            SELECT coalesce(max(version), 0) + 1, $1, $2, $3, $4, $5, $6 FROM models
            RETURNING version
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = kind });
        command.Parameters.Add(new NpgsqlParameter { Value = ToStored(createdAt), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = summary });
        command.Parameters.Add(new NpgsqlParameter { Value = metadataJson, NpgsqlDbType = NpgsqlDbType.Json });
        command.Parameters.Add(new NpgsqlParameter { Value = artifact.ToArray(), NpgsqlDbType = NpgsqlDbType.Bytea });
        command.Parameters.Add(new NpgsqlParameter { Value = account is { } owner ? owner.Value : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
        var version = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new ModelVersion(version, kind, createdAt, summary, metadataJson, account);
    }

    public IAsyncEnumerable<ModelVersion> ReadModelsAsync(CancellationToken cancellationToken) =>
        QueryModelsAsync("ORDER BY version", [], cancellationToken);

    public IAsyncEnumerable<ModelVersion> ReadModelsAsync(UserId? account, CancellationToken cancellationToken) =>
        account is { } owner ? QueryModelsAsync($"WHERE {VisibleTo(1)} ORDER BY version", [owner.Value], cancellationToken) : ReadModelsAsync(cancellationToken);

    public Task<ModelVersion?> FindModelAsync(int version, CancellationToken cancellationToken) =>
        FindModelAsync(version, null, cancellationToken);

    public async Task<ModelVersion?> FindModelAsync(int version, UserId? account, CancellationToken cancellationToken)
    {
        var found = account is { } owner
            ? QueryModelsAsync($"WHERE version = $1 AND {VisibleTo(2)}", [version, owner.Value], cancellationToken)
            : QueryModelsAsync("WHERE version = $1", [version], cancellationToken);
        await foreach (var model in found.ConfigureAwait(false))
        {
            return model;
        }

        return null;
    }

    public async Task<byte[]?> ReadModelArtifactAsync(int version, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("SELECT artifact FROM models WHERE version = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = version });
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as byte[];
    }

    public async Task PromoteModelAsync(ModelPromotion promotion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(promotion);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        // The kind check and the insert are one statement, so a concurrent save cannot slip between them.
        await using var command = new NpgsqlCommand("""
            INSERT INTO model_promotions (kind, version, promoted_at)
            SELECT $1, version, $3 FROM models WHERE version = $2 AND kind = $1
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = promotion.Kind, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = promotion.Version, NpgsqlDbType = NpgsqlDbType.Integer });
        command.Parameters.Add(new NpgsqlParameter { Value = ToStored(promotion.PromotedAt), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"There is no {promotion.Kind} model version {promotion.Version} to promote."));
        }

        // Announced in the same transaction: listening nodes hear of it exactly when it is committed, never before.
        await NotifyPromotionAsync(connection, transaction, promotion.Kind, promotion.Version, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ModelPromotion>> ReadPromotionsAsync(string kind, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("SELECT version, promoted_at FROM model_promotions WHERE kind = $1 ORDER BY id", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = kind });
        var promotions = new List<ModelPromotion>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            promotions.Add(new ModelPromotion(kind, reader.GetInt32(0), PostgresFieldSource.ReadTimestamp(reader, 1)));
        }

        return promotions;
    }

    public async Task<IReadOnlyList<ModelPromotion>> ReadAccountPromotionsAsync(string kind, UserId? account, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("""
            SELECT p.version, p.promoted_at FROM model_promotions AS p JOIN models AS m ON m.version = p.version
            WHERE p.kind = $1 AND m.account_id IS NOT DISTINCT FROM $2 ORDER BY p.id
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = kind, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = account is { } owner ? owner.Value : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
        var promotions = new List<ModelPromotion>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            promotions.Add(new ModelPromotion(kind, reader.GetInt32(0), PostgresFieldSource.ReadTimestamp(reader, 1)));
        }

        return promotions;
    }

    public async Task<ModelScore?> FindModelScoreAsync(LeadId leadId, CancellationToken cancellationToken)
    {
        await foreach (var score in QueryModelScoresAsync("WHERE lead_id = $1", leadId, cancellationToken).ConfigureAwait(false))
        {
            return score;
        }

        return null;
    }

    public IAsyncEnumerable<ModelScore> ReadModelScoresAsync(CancellationToken cancellationToken) =>
        QueryModelScoresAsync("ORDER BY lead_id", null, cancellationToken);

    /// <summary>A timestamp cut to whole microseconds (what both stores keep), as a UTC <see cref="DateTime"/>.</summary>
    private static DateTime ToStored(DateTimeOffset value) =>
        StoreTimestamps.FromMicroseconds(StoreTimestamps.ToMicroseconds(value)).UtcDateTime;

    /// <summary>The versions an account is served, its own and the install-wide ones, the account bound to parameter <c>$n</c>.</summary>
    private static string VisibleTo(int parameter) => $"(account_id = ${parameter} OR account_id IS NULL)";

    private async IAsyncEnumerable<ModelVersion> QueryModelsAsync(string clause, IReadOnlyList<object> parameters, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand($"SELECT version, kind, created_at, summary, metadata::text, account_id FROM models {clause}", connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return new ModelVersion(reader.GetInt32(0), reader.GetString(1), PostgresFieldSource.ReadTimestamp(reader, 2), reader.GetString(3), reader.GetString(4),
                reader.IsDBNull(5) ? null : new UserId(reader.GetInt64(5)));
        }
    }

    private async IAsyncEnumerable<ModelScore> QueryModelScoresAsync(string clause, LeadId? leadId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand($"SELECT lead_id, model_version, probability, score, grade, as_of FROM lead_model_scores {clause}", connection);
        if (leadId is { } id)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = id.Value });
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return new ModelScore(
                new LeadId(reader.GetInt64(0)),
                reader.GetInt32(1),
                reader.GetDouble(2),
                reader.GetInt32(3),
                reader.GetString(4),
                PostgresFieldSource.ReadTimestamp(reader, 5));
        }
    }
}
