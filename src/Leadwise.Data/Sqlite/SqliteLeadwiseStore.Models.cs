using System.Globalization;
using System.Runtime.CompilerServices;
using Leadwise.Core.Models;
using Leadwise.Core.Outreach;
using Microsoft.Data.Sqlite;

namespace Leadwise.Data.Sqlite;

/// <summary>The model registry (versions, promotions) and the model scores.</summary>
public sealed partial class SqliteLeadwiseStore
{
    /// <summary>The versions an account is served: its own and the install-wide ones.</summary>
    private const string VisibleTo = "(account_id = $account OR account_id IS NULL)";

    public Task<ModelVersion> SaveModelAsync(string kind, DateTimeOffset createdAt, string summary, string metadataJson, ReadOnlyMemory<byte> artifact, CancellationToken cancellationToken) =>
        SaveModelAsync(kind, null, createdAt, summary, metadataJson, artifact, cancellationToken);

    public async Task<ModelVersion> SaveModelAsync(string kind, UserId? account, DateTimeOffset createdAt, string summary, string metadataJson, ReadOnlyMemory<byte> artifact, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(metadataJson);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO models (kind, created_at, summary, metadata, artifact, account_id) VALUES ($kind, $created, $summary, $metadata, $artifact, $account)
            RETURNING version
            """;
        command.Parameters.AddWithValue("$kind", kind);
        command.Parameters.AddWithValue("$created", StoreTimestamps.ToMicroseconds(createdAt));
        command.Parameters.AddWithValue("$summary", summary);
        command.Parameters.AddWithValue("$metadata", metadataJson);
        command.Parameters.Add("$artifact", SqliteType.Blob).Value = artifact.ToArray();
        command.Parameters.AddWithValue("$account", account is { } owner ? owner.Value : DBNull.Value);
        var version = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        return new ModelVersion(version, kind, createdAt, summary, metadataJson, account);
    }

    public IAsyncEnumerable<ModelVersion> ReadModelsAsync(CancellationToken cancellationToken) =>
        QueryModelsAsync("ORDER BY version", null, null, cancellationToken);

    public IAsyncEnumerable<ModelVersion> ReadModelsAsync(UserId? account, CancellationToken cancellationToken) =>
        account is null ? ReadModelsAsync(cancellationToken) : QueryModelsAsync($"WHERE {VisibleTo} ORDER BY version", null, account, cancellationToken);

    public Task<ModelVersion?> FindModelAsync(int version, CancellationToken cancellationToken) =>
        FindModelAsync(version, null, cancellationToken);

    public async Task<ModelVersion?> FindModelAsync(int version, UserId? account, CancellationToken cancellationToken)
    {
        await foreach (var model in QueryModelsAsync(account is null ? "WHERE version = $version" : $"WHERE version = $version AND {VisibleTo}", version, account, cancellationToken).ConfigureAwait(false))
        {
            return model;
        }

        return null;
    }

    public async Task<byte[]?> ReadModelArtifactAsync(int version, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT artifact FROM models WHERE version = $version";
        command.Parameters.AddWithValue("$version", version);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as byte[];
    }

    public async Task PromoteModelAsync(ModelPromotion promotion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(promotion);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        // The kind check and the insert are one statement, so a concurrent save cannot slip between them.
        command.CommandText = """
            INSERT INTO model_promotions (kind, version, promoted_at)
            SELECT $kind, version, $at FROM models WHERE version = $version AND kind = $kind
            """;
        command.Parameters.AddWithValue("$kind", promotion.Kind);
        command.Parameters.AddWithValue("$version", promotion.Version);
        command.Parameters.AddWithValue("$at", StoreTimestamps.ToMicroseconds(promotion.PromotedAt));
        if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"There is no {promotion.Kind} model version {promotion.Version} to promote."));
        }
    }

    public async Task<IReadOnlyList<ModelPromotion>> ReadPromotionsAsync(string kind, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT version, promoted_at FROM model_promotions WHERE kind = $kind ORDER BY id";
        command.Parameters.AddWithValue("$kind", kind);
        var promotions = new List<ModelPromotion>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            promotions.Add(new ModelPromotion(kind, reader.GetInt32(0), StoreTimestamps.FromMicroseconds(reader.GetInt64(1))));
        }

        return promotions;
    }

    public async Task<IReadOnlyList<ModelPromotion>> ReadAccountPromotionsAsync(string kind, UserId? account, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT p.version, p.promoted_at FROM model_promotions AS p JOIN models AS m ON m.version = p.version
            WHERE p.kind = $kind AND m.account_id IS $account ORDER BY p.id
            """;
        command.Parameters.AddWithValue("$kind", kind);
        command.Parameters.AddWithValue("$account", account is { } owner ? owner.Value : DBNull.Value);
        var promotions = new List<ModelPromotion>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            promotions.Add(new ModelPromotion(kind, reader.GetInt32(0), StoreTimestamps.FromMicroseconds(reader.GetInt64(1))));
        }

        return promotions;
    }

    public async Task<ModelScore?> FindModelScoreAsync(LeadId leadId, CancellationToken cancellationToken)
    {
        await foreach (var score in QueryModelScoresAsync("WHERE lead_id = $id", leadId, cancellationToken).ConfigureAwait(false))
        {
            return score;
        }

        return null;
    }

    public IAsyncEnumerable<ModelScore> ReadModelScoresAsync(CancellationToken cancellationToken) =>
        QueryModelScoresAsync("ORDER BY lead_id", null, cancellationToken);

    private async IAsyncEnumerable<ModelVersion> QueryModelsAsync(string clause, int? version, UserId? account, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT version, kind, created_at, summary, metadata, account_id FROM models {clause}";
        if (version is { } v)
        {
            command.Parameters.AddWithValue("$version", v);
        }

        if (account is { } owner)
        {
            command.Parameters.AddWithValue("$account", owner.Value);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return new ModelVersion(reader.GetInt32(0), reader.GetString(1), StoreTimestamps.FromMicroseconds(reader.GetInt64(2)), reader.GetString(3), reader.GetString(4),
                reader.IsDBNull(5) ? null : new UserId(reader.GetInt64(5)));
        }
    }

    private async IAsyncEnumerable<ModelScore> QueryModelScoresAsync(string clause, LeadId? leadId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT lead_id, model_version, probability, score, grade, as_of FROM lead_model_scores {clause}";
        if (leadId is { } id)
        {
            command.Parameters.AddWithValue("$id", id.Value);
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
                StoreTimestamps.FromMicroseconds(reader.GetInt64(5)));
        }
    }
}
