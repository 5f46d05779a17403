using System.Diagnostics;
using Leadwise.Data.Storage;

namespace Leadwise.Data.Import;

internal sealed partial class TableImporter
{
    /// <summary>
    /// Runs an import's table steps in one store transaction, commits only when nothing blocks it
    /// (<see cref="ImportRun.CanCommit"/>), and finishes the report either way.
    /// </summary>
    public static async Task<ImportReport> InTransactionAsync(
        ILeadwiseStore store,
        StoreWriteMode mode,
        ImportRun run,
        Stopwatch stopwatch,
        Func<IStoreWriter, Task> importTables,
        CancellationToken cancellationToken)
    {
        await using (var writer = await store.BeginWriteAsync(mode, cancellationToken).ConfigureAwait(false))
        {
            await importTables(writer).ConfigureAwait(false);
            if (run.CanCommit)
            {
                await writer.CommitAsync(cancellationToken).ConfigureAwait(false);
                return await run.FinishAsync(committed: true, stopwatch.Elapsed, cancellationToken).ConfigureAwait(false);
            }
        }

        return await run.FinishAsync(committed: false, stopwatch.Elapsed, cancellationToken).ConfigureAwait(false);
    }
}
