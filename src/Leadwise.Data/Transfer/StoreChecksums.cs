using Leadwise.Core.Models;
using Leadwise.Core.Progress;
using Leadwise.Data.Export;
using Leadwise.Data.Storage;

namespace Leadwise.Data.Transfer;

/// <summary>
/// A row count and SHA-256 per store table (<see cref="StoreTableNames.All"/>), read through
/// <see cref="ILeadwiseStore"/> in each reader's key order and hashed by <see cref="CanonicalRowHash"/>,
/// so the same code computes them on SQLite and PostgreSQL and equal data gives equal checksums.
/// Surrogate ids that no reader exposes (event and promotion ids) are left out; their order is kept.
/// </summary>
public static class StoreChecksums
{
    private const int ReportEvery = 10_000;

    public static async Task<IReadOnlyList<TableChecksum>> ComputeAsync(ILeadwiseStore store, IProgress<ProgressUpdate>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var checksums = new List<TableChecksum>(StoreTableNames.All.Count);
        foreach (var table in StoreTableNames.All)
        {
            using var hash = new CanonicalRowHash(table);
            var stage = $"Checksum {table} ({store.Description})";
            await HashTableAsync(store, table, hash, rows => progress?.Report(new ProgressUpdate(stage, rows, null)), cancellationToken).ConfigureAwait(false);
            var checksum = hash.Finish();
            progress?.Report(new ProgressUpdate(stage, checksum.Rows, checksum.Rows));
            checksums.Add(checksum);
        }

        return checksums;
    }

    /// <summary>Both stores' checksums (computed side by side), table by table.</summary>
    public static async Task<IReadOnlyList<TableComparison>> CompareAsync(ILeadwiseStore from, ILeadwiseStore to, IProgress<ProgressUpdate>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var fromTask = ComputeAsync(from, progress, cancellationToken);
        var toTask = ComputeAsync(to, progress, cancellationToken);
        var (fromSums, toSums) = (await fromTask.ConfigureAwait(false), await toTask.ConfigureAwait(false));
        return [.. fromSums.Zip(toSums, (a, b) => new TableComparison(a.Table, a, b))];
    }

    private static Task HashTableAsync(ILeadwiseStore store, string table, CanonicalRowHash hash, Action<long> report, CancellationToken cancellationToken) => table switch
    {
        StoreTableNames.Users => HashRowsAsync(store.ReadUsersAsync(cancellationToken), UsersTable.Instance.Write, hash, report),
        StoreTableNames.Campaigns => HashRowsAsync(store.ReadCampaignsAsync(cancellationToken), CampaignsTable.Instance.Write, hash, report),
        StoreTableNames.Messages => HashRowsAsync(store.ReadMessagesAsync(cancellationToken), MessagesTable.Instance.Write, hash, report),
        StoreTableNames.Leads => HashRowsAsync(store.ReadLeadsAsync(cancellationToken), LeadsTable.Instance.Write, hash, report),
        StoreTableNames.Snapshots => HashRowsAsync(store.ReadSnapshotsAsync(cancellationToken), SnapshotsTable.Instance.Write, hash, report),
        StoreTableNames.ExtraColumns => HashExtraColumnsAsync(store, hash, cancellationToken),
        StoreTableNames.Events => HashRowsAsync(store.ReadEventsAsync(cancellationToken), EventsTable.Instance.Write, hash, report),
        StoreTableNames.Companies => HashRowsAsync(store.ReadCompaniesAsync(cancellationToken), CompaniesTable.Instance.Write, hash, report),
        StoreTableNames.Scores => HashRowsAsync(store.ReadScoresAsync(cancellationToken), static (score, sink) =>
        {
            sink.Int64(score.LeadId.Value);
            sink.Double(score.Total);
            sink.Text(score.Grade);
            sink.Text(LeadScoreJson.Subtotals(score.Subtotals));
            sink.Text(LeadScoreJson.Hits(score.Hits));
            sink.Timestamp(score.AsOf);
        }, hash, report),
        StoreTableNames.Models => HashModelsAsync(store, hash, cancellationToken),
        StoreTableNames.Promotions => HashPromotionsAsync(store, hash, cancellationToken),
        StoreTableNames.ModelScores => HashRowsAsync(store.ReadModelScoresAsync(cancellationToken), static (score, sink) =>
        {
            sink.Int64(score.LeadId.Value);
            sink.Int32(score.ModelVersion);
            sink.Double(score.Probability);
            sink.Int32(score.Score);
            sink.Text(score.Grade);
            sink.Timestamp(score.AsOf);
        }, hash, report),
        StoreTableNames.ApiKeys => HashRowsAsync(store.ReadStoredApiKeysAsync(cancellationToken), static (key, sink) =>
        {
            sink.Int64(key.Key.Id);
            sink.Text(key.Key.Name);
            sink.Timestamp(key.Key.CreatedAt);
            sink.Timestamp(key.Key.RevokedAt);
            sink.Bytes(key.SecretHash.ToArray());
            sink.Int64(key.Key.Account?.Value);
        }, hash, report),
        StoreTableNames.Jobs => HashRowsAsync(store.ReadJobsAsync(cancellationToken), static (job, sink) =>
        {
            sink.Text(job.Id);
            sink.Text(job.Kind);
            sink.Text(job.State);
            sink.Timestamp(job.CreatedAt);
            sink.Timestamp(job.StartedAt);
            sink.Timestamp(job.FinishedAt);
            sink.Text(job.InputJson);
            sink.Text(job.Progress?.Stage);
            sink.Int64(job.Progress?.Done);
            sink.Int64(job.Progress?.Total);
            sink.Text(job.ResultJson);
            sink.Text(JobRows.WriteErrors(job.Errors));
            sink.Text(job.Lease?.Owner);
            sink.Timestamp(job.Lease?.ExpiresAt);
            sink.Int32(job.Attempts);
        }, hash, report),
        StoreTableNames.JobFiles => HashRowsAsync(store.ReadAllJobFilesAsync(cancellationToken), static (chunk, sink) =>
        {
            sink.Text(chunk.JobId);
            sink.Text(chunk.Name);
            sink.Int32(chunk.Index);
            sink.Bytes(chunk.Data.Span);
        }, hash, report),
        _ => throw new NotSupportedException($"Checksums do not know how to read the store table {table}."),
    };

    private static async Task HashRowsAsync<TRow>(IAsyncEnumerable<TRow> rows, Action<TRow, CanonicalRowHash> write, CanonicalRowHash hash, Action<long> report)
    {
        long count = 0;
        await foreach (var row in rows.ConfigureAwait(false))
        {
            write(row, hash);
            hash.EndRow();
            if (++count % ReportEvery == 0)
            {
                report(count);
            }
        }
    }

    /// <summary>Per export table, its unknown columns in the order they were first seen (the position is that order).</summary>
    private static async Task HashExtraColumnsAsync(ILeadwiseStore store, CanonicalRowHash hash, CancellationToken cancellationToken)
    {
        foreach (var table in Enum.GetValues<StoreTable>())
        {
            var columns = await store.ReadExtraColumnsAsync(table, cancellationToken).ConfigureAwait(false);
            for (var position = 0; position < columns.Count; position++)
            {
                hash.Text(table.ToString());
                hash.Text(columns[position]);
                hash.Int32(position);
                hash.EndRow();
            }
        }
    }

    private static async Task HashModelsAsync(ILeadwiseStore store, CanonicalRowHash hash, CancellationToken cancellationToken)
    {
        await foreach (var model in store.ReadModelsAsync(cancellationToken).ConfigureAwait(false))
        {
            var artifact = await store.ReadModelArtifactAsync(model.Version, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidDataException($"Model version {model.Version} is listed but has no artifact.");
            hash.Int32(model.Version);
            hash.Text(model.Kind);
            hash.Timestamp(model.CreatedAt);
            hash.Text(model.Summary);
            hash.Text(model.MetadataJson);
            hash.Bytes(artifact);
            hash.Int64(model.Account?.Value);
            hash.EndRow();
        }
    }

    /// <summary>Each kind's history in order, kinds in ordinal order (a promotion's kind is always one of the models' kinds).</summary>
    private static async Task HashPromotionsAsync(ILeadwiseStore store, CanonicalRowHash hash, CancellationToken cancellationToken)
    {
        foreach (var kind in await ReadModelKindsAsync(store, cancellationToken).ConfigureAwait(false))
        {
            foreach (var promotion in await store.ReadPromotionsAsync(kind, cancellationToken).ConfigureAwait(false))
            {
                hash.Text(promotion.Kind);
                hash.Int32(promotion.Version);
                hash.Timestamp(promotion.PromotedAt);
                hash.EndRow();
            }
        }
    }

    internal static async Task<IReadOnlyList<string>> ReadModelKindsAsync(ILeadwiseStore store, CancellationToken cancellationToken)
    {
        var kinds = new SortedSet<string>(StringComparer.Ordinal);
        await foreach (ModelVersion model in store.ReadModelsAsync(cancellationToken).ConfigureAwait(false))
        {
            kinds.Add(model.Kind);
        }

        return [.. kinds];
    }
}
