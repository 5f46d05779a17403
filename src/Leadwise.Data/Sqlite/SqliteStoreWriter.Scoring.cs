using System.Globalization;
using Leadwise.Core.Companies;
using Leadwise.Core.Engagement;
using Leadwise.Core.Jobs;
using Leadwise.Core.Models;
using Leadwise.Core.Outreach;
using Leadwise.Core.Scoring;
using Leadwise.Data.Storage;
using Microsoft.Data.Sqlite;

namespace Leadwise.Data.Sqlite;

/// <summary>Writes of what scoring reads and produces: events, companies, scores.</summary>
internal sealed partial class SqliteStoreWriter
{
    private const string ScoreUpsert = """
        INSERT INTO lead_scores (lead_id, total, grade, subtotals, hits, as_of) VALUES ($p0, $p1, $p2, $p3, $p4, $p5)
        ON CONFLICT (lead_id) DO UPDATE SET total = excluded.total, grade = excluded.grade, subtotals = excluded.subtotals,
            hits = excluded.hits, as_of = excluded.as_of
        """;

    private const string ModelScoreUpsert = """
        INSERT INTO lead_model_scores (lead_id, model_version, probability, score, grade, as_of) VALUES ($p0, $p1, $p2, $p3, $p4, $p5)
        ON CONFLICT (lead_id) DO UPDATE SET model_version = excluded.model_version, probability = excluded.probability,
            score = excluded.score, grade = excluded.grade, as_of = excluded.as_of
        """;

    public async Task<IReadOnlySet<LeadId>> ReadLeadIdsAsync(CancellationToken cancellationToken)
    {
        var ids = new HashSet<LeadId>();
        await foreach (var id in ReadIdsAsync("SELECT id FROM leads", cancellationToken).ConfigureAwait(false))
        {
            ids.Add(new LeadId(id));
        }

        return ids;
    }

    public ValueTask<bool> UpsertAsync(EngagementEvent engagementEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engagementEvent);
        return ValueTask.FromResult(_events.Write(engagementEvent));
    }

    // SQLite answers new-or-not for each event as it is written, even in bulk mode: nothing is ever staged.
    public Task<long> SettleStagedEventsAsync(CancellationToken cancellationToken) => Task.FromResult(0L);

    public ValueTask UpsertAsync(CompanyProfile company, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(company);
        ArgumentException.ThrowIfNullOrWhiteSpace(company.Name, nameof(company));
        return _companies.Upsert(company);
    }

    public ValueTask UpsertAsync(LeadScore score, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(score);
        var sink = _scores.Start();
        sink.Int64(score.LeadId.Value);
        sink.Double(score.Total);
        sink.Text(score.Grade);
        sink.Text(LeadScoreJson.Subtotals(score.Subtotals));
        sink.Text(LeadScoreJson.Hits(score.Hits));
        sink.Timestamp(score.AsOf);
        _scores.Execute();
        return ValueTask.CompletedTask;
    }

    public async Task AddModelAsync(ModelVersion model, ReadOnlyMemory<byte> artifact, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        await using var command = CreateCommand("""
            INSERT INTO models (version, kind, created_at, summary, metadata, artifact, account_id) VALUES ($version, $kind, $created, $summary, $metadata, $artifact, $account)
            """);
        command.Parameters.AddWithValue("$version", model.Version);
        command.Parameters.AddWithValue("$kind", model.Kind);
        command.Parameters.AddWithValue("$created", StoreTimestamps.ToMicroseconds(model.CreatedAt));
        command.Parameters.AddWithValue("$summary", model.Summary);
        command.Parameters.AddWithValue("$metadata", model.MetadataJson);
        command.Parameters.Add("$artifact", SqliteType.Blob).Value = artifact.ToArray();
        command.Parameters.AddWithValue("$account", model.Account is { } account ? account.Value : DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task AddApiKeyAsync(StoredApiKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var command = CreateCommand("INSERT INTO api_keys (id, name, created_at, revoked_at, secret_hash, account_id) VALUES ($id, $name, $created, $revoked, $hash, $account)");
        command.Parameters.AddWithValue("$id", key.Key.Id);
        command.Parameters.AddWithValue("$name", key.Key.Name);
        command.Parameters.AddWithValue("$created", StoreTimestamps.ToMicroseconds(key.Key.CreatedAt));
        command.Parameters.AddWithValue("$revoked", key.Key.RevokedAt is { } revoked ? StoreTimestamps.ToMicroseconds(revoked) : DBNull.Value);
        command.Parameters.Add("$hash", SqliteType.Blob).Value = key.SecretHash.ToArray();
        command.Parameters.AddWithValue("$account", key.Key.Account is { } account ? account.Value : DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task AddPromotionAsync(ModelPromotion promotion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(promotion);
        await using var command = CreateCommand("""
            INSERT INTO model_promotions (kind, version, promoted_at)
            SELECT $kind, version, $at FROM models WHERE version = $version AND kind = $kind
            """);
        command.Parameters.AddWithValue("$kind", promotion.Kind);
        command.Parameters.AddWithValue("$version", promotion.Version);
        command.Parameters.AddWithValue("$at", StoreTimestamps.ToMicroseconds(promotion.PromotedAt));
        if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"There is no {promotion.Kind} model version {promotion.Version} to promote."));
        }
    }

    public async Task AddJobAsync(Job job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        await using var command = CreateCommand($"INSERT INTO jobs ({JobRows.Columns}) VALUES ({SqliteLeadwiseStore.JobValues})");
        SqliteLeadwiseStore.BindJob(command, job);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task AddJobFileAsync(JobFileChunk chunk, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        await using var command = CreateCommand($"INSERT INTO job_files ({JobRows.FileColumns}) VALUES ($job, $name, $chunk, $data)");
        SqliteLeadwiseStore.BindJobFile(command, chunk);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task ClearAsync(CancellationToken cancellationToken)
    {
        // Backwards, so promotions go before the model versions they reference.
        foreach (var table in StoreTableNames.All.Reverse())
        {
            await using var command = CreateCommand($"DELETE FROM {table}");
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public ValueTask UpsertAsync(ModelScore score, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(score);
        var sink = _modelScores.Start();
        sink.Int64(score.LeadId.Value);
        sink.Int32(score.ModelVersion);
        sink.Double(score.Probability);
        sink.Int32(score.Score);
        sink.Text(score.Grade);
        sink.Timestamp(score.AsOf);
        _modelScores.Execute();
        return ValueTask.CompletedTask;
    }
}
