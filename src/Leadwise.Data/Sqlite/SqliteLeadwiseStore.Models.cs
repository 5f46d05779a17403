using System.Globalization;
using System.Runtime.CompilerServices;
using Leadwise.Core.Models;
using Leadwise.Core.Outreach;
using Microsoft.Data.Sqlite;

namespace Leadwise.Data.Sqlite;

/// <summary>The model registry (versions, promotions) and the model scores.</summary>
public sealed partial class SqliteLeadwiseStore
{
    public async Task<ModelVersion> SaveModelAsync(string kind, DateTimeOffset createdAt, string summary, string metadataJson, ReadOnlyMemory<byte> artifact, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(metadataJson);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO models (kind, created_at, summary, metadata, artifact) VALUES ($kind, $created, $summary, $metadata, $artifact)
            RETURNING version
            """;
        command.Parameters.AddWithValue("$kind", kind);
        command.Parameters.AddWithValue("$created", StoreTimestamps.ToMicroseconds(createdAt));
        command.Parameters.AddWithValue("$summary", summary);
        command.Parameters.AddWithValue("$metadata", metadataJson);
        command.Parameters.Add("$artifact", SqliteType.Blob).Value = artifact.ToArray();
        var version = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        return new ModelVersion(version, kind, createdAt, summary, metadataJson);
    }

    public IAsyncEnumerable<ModelVersion> ReadModelsAsync(CancellationToken cancellationToken) =>
        QueryModelsAsync("ORDER BY version", null, cancellationToken);

    public async Task<ModelVersion?> FindModelAsync(int version, CancellationToken cancellationToken)
    {
        await foreach (var model in QueryModelsAsync("WHERE version = $version", version, cancellationToken).ConfigureAwait(false))
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

    private async IAsyncEnumerable<ModelVersion> QueryModelsAsync(string clause, int? version, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT version, kind, created_at, summary, metadata FROM models {clause}";
        if (version is { } v)
        {
            command.Parameters.AddWithValue("$version", v);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return new ModelVersion(reader.GetInt32(0), reader.GetString(1), StoreTimestamps.FromMicroseconds(reader.GetInt64(2)), reader.GetString(3), reader.GetString(4));
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
