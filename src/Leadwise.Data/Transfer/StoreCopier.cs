using Leadwise.Core.Models;
using Leadwise.Core.Progress;
using Leadwise.Data.Storage;

namespace Leadwise.Data.Transfer;

/// <summary>
/// Copies every table of one store into another (<c>leadwise db copy</c>), either backend to either,
/// through the store interfaces: the source's readers, and one <see cref="StoreWriteMode.BulkLoad"/>
/// writer on the target (binary COPY on PostgreSQL), so the target gets everything or nothing.
/// Model versions keep their numbers; events and promotions get new surrogate ids in the source's order.
/// </summary>
public sealed class StoreCopier(ILeadwiseStore source, ILeadwiseStore target)
{
    private const int ReportEvery = 5_000;

    /// <summary>True when no table of the store holds a row.</summary>
    public static async Task<bool> IsEmptyAsync(ILeadwiseStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var counts = await store.CountAsync(cancellationToken).ConfigureAwait(false);
        var scoring = await store.CountScoringDataAsync(cancellationToken).ConfigureAwait(false);
        if (counts != new StoreCounts(0, 0, 0, 0, 0) || scoring != new ScoringDataCounts(0, 0, 0))
        {
            return false;
        }

        foreach (var table in Enum.GetValues<StoreTable>())
        {
            if ((await store.ReadExtraColumnsAsync(table, cancellationToken).ConfigureAwait(false)).Count > 0)
            {
                return false;
            }
        }

        // Promotions need a model version, so no models means no promotions either.
        return !await AnyAsync(store.ReadModelsAsync(cancellationToken)).ConfigureAwait(false)
            && !await AnyAsync(store.ReadModelScoresAsync(cancellationToken)).ConfigureAwait(false)
            && !await AnyAsync(store.ReadApiKeysAsync(cancellationToken)).ConfigureAwait(false)
            && !await AnyAsync(store.ReadJobsAsync(cancellationToken)).ConfigureAwait(false)
            && !await AnyAsync(store.ReadAllJobFilesAsync(cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>
    /// Copies every table in one target transaction and returns the rows written per table. A target
    /// that holds anything is refused unless <paramref name="replace"/>, which empties it in the same
    /// transaction (so a failed copy leaves its old rows in place).
    /// </summary>
    public async Task<IReadOnlyList<CopiedTable>> CopyAsync(bool replace, IProgress<ProgressUpdate>? progress, CancellationToken cancellationToken)
    {
        if (!replace && !await IsEmptyAsync(target, cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException($"{target.Description} is not empty; copy into an empty store, or replace its contents explicitly.");
        }

        var counts = await source.CountAsync(cancellationToken).ConfigureAwait(false);
        var scoring = await source.CountScoringDataAsync(cancellationToken).ConfigureAwait(false);
        var copied = new List<CopiedTable>(StoreTableNames.All.Count);
        await using var writer = await target.BeginWriteAsync(StoreWriteMode.BulkLoad, cancellationToken).ConfigureAwait(false);
        if (replace)
        {
            await writer.ClearAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach (var table in StoreTableNames.All)
        {
            var stage = $"Copy {table}";
            long? total = table switch
            {
                StoreTableNames.Users => counts.Users,
                StoreTableNames.Campaigns => counts.Campaigns,
                StoreTableNames.Messages => counts.Messages,
                StoreTableNames.Leads => counts.Leads,
                StoreTableNames.Snapshots => counts.Snapshots,
                StoreTableNames.Events => scoring.Events,
                StoreTableNames.Companies => scoring.Companies,
                StoreTableNames.Scores => scoring.Scores,
                _ => null,
            };
            var rows = await CopyTableAsync(table, writer, done => progress?.Report(new ProgressUpdate(stage, done, total)), cancellationToken).ConfigureAwait(false);
            progress?.Report(new ProgressUpdate(stage, rows, rows));
            copied.Add(new CopiedTable(table, rows));
        }

        // SQLite rebuilds its indexes and PostgreSQL merges the last COPY batch here, which takes a while on a big store.
        progress?.Report(new ProgressUpdate("Commit", 0, 1));
        await writer.CommitAsync(cancellationToken).ConfigureAwait(false);
        progress?.Report(new ProgressUpdate("Commit", 1, 1));
        return copied;
    }

    private Task<long> CopyTableAsync(string table, IStoreWriter writer, Action<long> report, CancellationToken cancellationToken) => table switch
    {
        StoreTableNames.Users => CopyRowsAsync(source.ReadUsersAsync(cancellationToken), writer.UpsertAsync, report, cancellationToken),
        StoreTableNames.Campaigns => CopyRowsAsync(source.ReadCampaignsAsync(cancellationToken), writer.UpsertAsync, report, cancellationToken),
        StoreTableNames.Messages => CopyRowsAsync(source.ReadMessagesAsync(cancellationToken), writer.UpsertAsync, report, cancellationToken),
        StoreTableNames.Leads => CopyRowsAsync(source.ReadLeadsAsync(cancellationToken), writer.UpsertAsync, report, cancellationToken),
        StoreTableNames.Snapshots => CopyRowsAsync(source.ReadSnapshotsAsync(cancellationToken), writer.UpsertAsync, report, cancellationToken),
        StoreTableNames.ExtraColumns => CopyExtraColumnsAsync(writer, cancellationToken),
        StoreTableNames.Events => CopyEventsAsync(writer, report, cancellationToken),
        StoreTableNames.Companies => CopyRowsAsync(source.ReadCompaniesAsync(cancellationToken), writer.UpsertAsync, report, cancellationToken),
        StoreTableNames.Scores => CopyRowsAsync(source.ReadScoresAsync(cancellationToken), writer.UpsertAsync, report, cancellationToken),
        StoreTableNames.Models => CopyModelsAsync(writer, report, cancellationToken),
        StoreTableNames.Promotions => CopyPromotionsAsync(writer, cancellationToken),
        StoreTableNames.ModelScores => CopyRowsAsync(source.ReadModelScoresAsync(cancellationToken), writer.UpsertAsync, report, cancellationToken),
        StoreTableNames.ApiKeys => CopyRowsAsync(source.ReadStoredApiKeysAsync(cancellationToken), (key, ct) => new ValueTask(writer.AddApiKeyAsync(key, ct)), report, cancellationToken),
        StoreTableNames.Jobs => CopyRowsAsync(source.ReadJobsAsync(cancellationToken), (job, ct) => new ValueTask(writer.AddJobAsync(job, ct)), report, cancellationToken),
        // A queued job's upload moves with it, so the copy's nodes can still run it.
        StoreTableNames.JobFiles => CopyRowsAsync(source.ReadAllJobFilesAsync(cancellationToken), (chunk, ct) => new ValueTask(writer.AddJobFileAsync(chunk, ct)), report, cancellationToken),
        _ => throw new NotSupportedException($"db copy does not know how to copy the store table {table}."),
    };

    private static async Task<long> CopyRowsAsync<TRow>(IAsyncEnumerable<TRow> rows, Func<TRow, CancellationToken, ValueTask> write, Action<long> report, CancellationToken cancellationToken)
    {
        long count = 0;
        await foreach (var row in rows.ConfigureAwait(false))
        {
            await write(row, cancellationToken).ConfigureAwait(false);
            if (++count % ReportEvery == 0)
            {
                report(count);
            }
        }

        return count;
    }

    private async Task<long> CopyEventsAsync(IStoreWriter writer, Action<long> report, CancellationToken cancellationToken)
    {
        long duplicates = 0;
        var copied = await CopyRowsAsync(source.ReadEventsAsync(cancellationToken), async (row, ct) =>
        {
            if (!await writer.UpsertAsync(row, ct).ConfigureAwait(false))
            {
                duplicates++;
            }
        }, report, cancellationToken).ConfigureAwait(false);
        duplicates += await writer.SettleStagedEventsAsync(cancellationToken).ConfigureAwait(false);

        // Only possible if the source broke its own dedup rules; committing would lose those events silently.
        return duplicates == 0
            ? copied
            : throw new InvalidDataException($"{duplicates} event(s) of the source are duplicates under the store's dedup rules; nothing was copied.");
    }

    private async Task<long> CopyExtraColumnsAsync(IStoreWriter writer, CancellationToken cancellationToken)
    {
        long count = 0;
        foreach (var table in Enum.GetValues<StoreTable>())
        {
            var columns = await source.ReadExtraColumnsAsync(table, cancellationToken).ConfigureAwait(false);
            if (columns.Count > 0)
            {
                await writer.AddExtraColumnsAsync(table, columns, cancellationToken).ConfigureAwait(false);
                count += columns.Count;
            }
        }

        return count;
    }

    private async Task<long> CopyModelsAsync(IStoreWriter writer, Action<long> report, CancellationToken cancellationToken)
    {
        long count = 0;
        await foreach (var model in source.ReadModelsAsync(cancellationToken).ConfigureAwait(false))
        {
            var artifact = await source.ReadModelArtifactAsync(model.Version, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidDataException($"Model version {model.Version} is listed but has no artifact.");
            await writer.AddModelAsync(model, artifact, cancellationToken).ConfigureAwait(false);
            report(++count);
        }

        return count;
    }

    /// <summary>
    /// The histories of all kinds merged by time, each kind's own order kept (that order is what
    /// promotion and rollback read), so the target's promotion ids follow the source's as far as they can be seen.
    /// </summary>
    private async Task<long> CopyPromotionsAsync(IStoreWriter writer, CancellationToken cancellationToken)
    {
        var histories = new List<Queue<ModelPromotion>>();
        foreach (var kind in await StoreChecksums.ReadModelKindsAsync(source, cancellationToken).ConfigureAwait(false))
        {
            histories.Add(new Queue<ModelPromotion>(await source.ReadPromotionsAsync(kind, cancellationToken).ConfigureAwait(false)));
        }

        long count = 0;
        while (histories.Where(history => history.Count > 0).MinBy(history => history.Peek().PromotedAt) is { } next)
        {
            await writer.AddPromotionAsync(next.Dequeue(), cancellationToken).ConfigureAwait(false);
            count++;
        }

        return count;
    }

    private static async Task<bool> AnyAsync<T>(IAsyncEnumerable<T> rows)
    {
        await foreach (var _ in rows.ConfigureAwait(false))
        {
            return true;
        }

        return false;
    }
}
