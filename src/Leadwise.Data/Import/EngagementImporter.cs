using System.Diagnostics;
using Leadwise.Core.Engagement;
using Leadwise.Core.Progress;
using Leadwise.Data.Export;
using Leadwise.Data.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Leadwise.Data.Import;

/// <summary>
/// Imports an events file (<see cref="EventsTable"/>) with the outreach import's rules: one transaction,
/// every problem at its file, line and column, all-or-nothing unless <see cref="ImportOptions.SkipBadRows"/>.
/// Each event's lead must already be in the store. Events the store already holds (same client id, or
/// without one the same lead, type, time and url) are skipped and counted as already present, so
/// importing a file twice adds nothing. Unknown event types are imported with one warning per type.
/// </summary>
public sealed class EngagementImporter(ILeadwiseStore store, ILogger<EngagementImporter>? logger = null)
{
    /// <summary>
    /// Above this file size the import defers index maintenance to the commit, and PostgreSQL copies the events in bulk
    /// (<see cref="StoreWriteMode.BulkLoad"/>). Tests lower it to run the bulk path on small files.
    /// </summary>
    internal long BulkLoadBytes { get; init; } = 16L << 20;

    private static readonly HashSet<string> KnownTypes = new(EventTypes.All, StringComparer.Ordinal);

    private readonly TableImporter _tables = new(logger ?? (ILogger)NullLogger<EngagementImporter>.Instance);

    public async Task<ImportReport> ImportAsync(string path, ImportOptions options, IProgress<ProgressUpdate>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(options);
        var stopwatch = Stopwatch.StartNew();
        var run = new ImportRun(options);
        if (!run.RequireFile(path))
        {
            return await run.FinishAsync(committed: false, stopwatch.Elapsed, cancellationToken).ConfigureAwait(false);
        }

        var mode = new FileInfo(path).Length > BulkLoadBytes ? StoreWriteMode.BulkLoad : StoreWriteMode.Incremental;
        return await TableImporter.InTransactionAsync(store, mode, run, stopwatch, async writer =>
        {
            var leads = await writer.ReadLeadIdsAsync(cancellationToken).ConfigureAwait(false);
            var clientIds = new Dictionary<string, int>(StringComparer.Ordinal);
            var unknownTypes = new Dictionary<string, (ImportIssue First, long Count)>(StringComparer.Ordinal);
            await _tables.ImportAsync(EventsTable.Instance, storeTable: null, path, writer, run, progress,
                (engagementEvent, check) =>
                {
                    check.LeadExists(leads, engagementEvent.LeadId);
                    if (string.IsNullOrWhiteSpace(engagementEvent.Type))
                    {
                        check.Fail("type", "a value is required here");
                    }
                    else if (!KnownTypes.Contains(engagementEvent.Type))
                    {
                        unknownTypes[engagementEvent.Type] = unknownTypes.TryGetValue(engagementEvent.Type, out var seen)
                            ? (seen.First, seen.Count + 1)
                            : (check.At("type", string.Empty) with { Severity = ImportSeverity.Warning }, 1);
                    }

                    if (engagementEvent.ClientEventId is { } clientId)
                    {
                        check.Unique(clientIds, clientId, "clientEventId", $"clientEventId \"{clientId}\"");
                    }
                },
                static _ => { },
                static (w, row, ct) => w.UpsertAsync(row, ct),
                cancellationToken).ConfigureAwait(false);

            foreach (var (type, (first, count)) in unknownTypes.OrderBy(pair => pair.Value.First.Line))
            {
                run.AddFileIssue(first with
                {
                    Message = $"unknown event type \"{type}\" on {count} row(s), the first here; imported, but no default rule scores it",
                });
            }
        }, cancellationToken).ConfigureAwait(false);
    }
}
