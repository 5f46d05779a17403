using System.Globalization;
using Leadwise.Core.Models;
using Npgsql;
using NpgsqlTypes;

namespace Leadwise.Data.Postgres;

/// <summary>What lets a job resume exactly once: handing it back when its node stops, and a train job's versions recorded with it.</summary>
public sealed partial class PostgresLeadwiseStore
{
    public async Task<bool> ReleaseJobAsync(string id, string leaseOwner, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("""
            UPDATE jobs SET state = 'queued', started_at = NULL, progress_stage = NULL, progress_done = NULL, progress_total = NULL,
                lease_owner = NULL, lease_expires_at = NULL, attempts = greatest(attempts - 1, 0)
            WHERE id = $1 AND state = 'running' AND lease_owner = $2
            """, connection);
        command.Parameters.Add(Text(id));
        command.Parameters.Add(Text(leaseOwner));
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
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        // Numbered as SaveModelAsync numbers: max + 1 across all kinds, saves taking turns under the lock.
        await using (var lockModels = new NpgsqlCommand("LOCK TABLE models IN EXCLUSIVE MODE", connection, transaction))
        {
            await lockModels.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var saved = new List<ModelVersion>(models.Count);
        foreach (var model in models)
        {
            await using var insert = new NpgsqlCommand("""
                INSERT INTO models (version, kind, created_at, summary, metadata, artifact, account_id)
                SELECT coalesce(max(version), 0) + 1, $1, $2, $3, $4, $5, $6 FROM models
                RETURNING version
                """, connection, transaction);
            insert.Parameters.Add(Text(model.Kind));
            insert.Parameters.Add(Time(model.CreatedAt));
            insert.Parameters.Add(Text(model.Summary));
            insert.Parameters.Add(Json(model.MetadataJson));
            insert.Parameters.Add(new NpgsqlParameter { Value = model.Artifact.ToArray(), NpgsqlDbType = NpgsqlDbType.Bytea });
            insert.Parameters.Add(new NpgsqlParameter { Value = model.Account is { } owner ? owner.Value : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
            var version = Convert.ToInt32(await insert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
            saved.Add(new ModelVersion(version, model.Kind, model.CreatedAt, model.Summary, model.MetadataJson, model.Account));
            if (promotedAt is { } at)
            {
                await using var promote = new NpgsqlCommand("INSERT INTO model_promotions (kind, version, promoted_at) VALUES ($1, $2, $3)", connection, transaction);
                promote.Parameters.Add(Text(model.Kind));
                promote.Parameters.Add(new NpgsqlParameter { Value = version, NpgsqlDbType = NpgsqlDbType.Integer });
                promote.Parameters.Add(Time(at));
                await promote.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                await NotifyPromotionAsync(connection, transaction, model.Kind, version, cancellationToken).ConfigureAwait(false);
            }
        }

        await using var record = new NpgsqlCommand(
            "UPDATE jobs SET result = $3 WHERE id = $1 AND state = 'running' AND lease_owner = $2 AND result IS NULL", connection, transaction);
        record.Parameters.Add(Text(jobId));
        record.Parameters.Add(Text(leaseOwner));
        record.Parameters.Add(Json(resultJson(saved)));
        if (await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
        {
            // Not this owner's job (any more), or its versions were recorded already: disposing rolls the versions back.
            return null;
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return saved;
    }
}
