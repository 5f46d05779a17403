using System.Globalization;
using Leadwise.Core.Models;
using Microsoft.Data.Sqlite;

namespace Leadwise.Data.Sqlite;

/// <summary>What lets a job resume exactly once: handing it back when its node stops, and a train job's versions recorded with it.</summary>
public sealed partial class SqliteLeadwiseStore
{
    public async Task<bool> ReleaseJobAsync(string id, string leaseOwner, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE jobs SET state = 'queued', started_at = NULL, progress_stage = NULL, progress_done = NULL, progress_total = NULL,
                lease_owner = NULL, lease_expires_at = NULL, attempts = max(attempts - 1, 0)
            WHERE id = $id AND state = 'running' AND lease_owner = $owner
            """;
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$owner", leaseOwner);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    public async Task<IReadOnlyList<ModelVersion>?> SaveJobModelsAsync(
        string jobId,
        string leaseOwner,
        IReadOnlyList<NewModelVersion> models,
        DateTimeOffset? promotedAt,
        Func<IReadOnlyList<ModelVersion>, string> resultJson,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(resultJson);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = connection.BeginTransaction();
        var saved = new List<ModelVersion>(models.Count);
        foreach (var model in models)
        {
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO models (kind, created_at, summary, metadata, artifact, account_id) VALUES ($kind, $created, $summary, $metadata, $artifact, $account)
                RETURNING version
                """;
            insert.Parameters.AddWithValue("$kind", model.Kind);
            insert.Parameters.AddWithValue("$created", StoreTimestamps.ToMicroseconds(model.CreatedAt));
            insert.Parameters.AddWithValue("$summary", model.Summary);
            insert.Parameters.AddWithValue("$metadata", model.MetadataJson);
            insert.Parameters.Add("$artifact", SqliteType.Blob).Value = model.Artifact.ToArray();
            insert.Parameters.AddWithValue("$account", model.Account is { } owner ? owner.Value : DBNull.Value);
            var version = Convert.ToInt32(await insert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
            saved.Add(new ModelVersion(version, model.Kind, model.CreatedAt, model.Summary, model.MetadataJson, model.Account));
            if (promotedAt is { } at)
            {
                await using var promote = connection.CreateCommand();
                promote.Transaction = transaction;
                promote.CommandText = "INSERT INTO model_promotions (kind, version, promoted_at) VALUES ($kind, $version, $at)";
                promote.Parameters.AddWithValue("$kind", model.Kind);
                promote.Parameters.AddWithValue("$version", version);
                promote.Parameters.AddWithValue("$at", StoreTimestamps.ToMicroseconds(at));
                await promote.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        await using var record = connection.CreateCommand();
        record.Transaction = transaction;
        record.CommandText = "UPDATE jobs SET result = $result WHERE id = $id AND state = 'running' AND lease_owner = $owner AND result IS NULL";
        record.Parameters.AddWithValue("$id", jobId);
        record.Parameters.AddWithValue("$owner", leaseOwner);
        record.Parameters.AddWithValue("$result", resultJson(saved));
        if (await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
        {
            // Not this owner's job (any more), or its versions were recorded already: disposing rolls the versions back.
            return null;
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return saved;
    }
}
