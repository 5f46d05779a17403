using Leadwise.Core.Jobs;
using Leadwise.Core.Progress;
using Leadwise.Data.Import;
using Leadwise.Data.Storage;
using Microsoft.Extensions.Options;

namespace Leadwise.Server.Jobs;

/// <summary>
/// Runs this node's queued uploads one at a time through <see cref="OutreachImporter"/>, the code path of
/// <c>leadwise import</c>, so validation and all-or-nothing are the CLI's. The job is claimed under a lease first
/// (only one node runs it), progress and the lease are written to the store every second, and the outcome at the end;
/// the uploaded files are deleted whatever happens.
/// </summary>
internal sealed partial class ImportJobRunner(
    ImportJobQueue queue,
    ILeadwiseStore store,
    LiveJobProgress live,
    IOptions<JobOptions> options,
    TimeProvider time,
    ILogger<ImportJobRunner> logger,
    ILoggerFactory loggers) : BackgroundService
{
    private static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var import in queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await RunAsync(import, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogJobCrashed(exception, import.JobId);
            }
            finally
            {
                live.Forget(import.JobId);
                TryDelete(import.Folder);
            }
        }
    }

    private JobLease LeaseFromNow() => new(options.Value.NodeId, time.GetUtcNow().AddSeconds(options.Value.JobLeaseSeconds));

    private async Task RunAsync(QueuedImport import, CancellationToken stoppingToken)
    {
        var node = options.Value.NodeId;
        if (await store.StartJobAsync(import.JobId, LeaseFromNow(), time.GetUtcNow(), stoppingToken).ConfigureAwait(false) is null)
        {
            LogNotClaimed(import.JobId);
            return;
        }

        LogStarted(import.JobId, node);
        using var renewing = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var renewal = RenewAsync(import.JobId, renewing.Token);
        string state;
        string? result = null;
        IReadOnlyList<string> errors;
        try
        {
            var progress = new Recorder(update => live.Record(import.JobId, update));
            var report = await new OutreachImporter(store, loggers.CreateLogger<OutreachImporter>()).ImportAsync(import.Folder, import.Options, progress, stoppingToken).ConfigureAwait(false);
            state = report.Committed ? JobStates.Succeeded : JobStates.Failed;
            result = ImportJobResult.From(report).ToJson();
            errors = [.. report.Errors.Select(error => error.ToString())];
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogImportThrew(exception, import.JobId);
            state = JobStates.Failed;
            errors = [$"The import stopped: {exception.Message} Nothing was imported."];
        }
        finally
        {
            await renewing.CancelAsync().ConfigureAwait(false);
            await renewal.ConfigureAwait(false);
        }

        // The final progress first, so the stored job shows where the import got to even if it ran faster than a renewal.
        if (live.Find(import.JobId) is { } last)
        {
            await store.RenewJobAsync(import.JobId, LeaseFromNow(), last, stoppingToken).ConfigureAwait(false);
        }

        if (!await store.FinishJobAsync(import.JobId, node, state, time.GetUtcNow(), result, errors, stoppingToken).ConfigureAwait(false))
        {
            LogLeaseLost(import.JobId, node);
            return;
        }

        LogFinished(import.JobId, state, errors.Count);
    }

    private async Task RenewAsync(string jobId, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(RenewEvery, time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                try
                {
                    await store.RenewJobAsync(jobId, LeaseFromNow(), live.Find(jobId), cancellationToken).ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // On SQLite the import's transaction is the one writer until it commits; the next renewal catches up.
                    LogRenewalFailed(exception, jobId);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The import finished (or the host is stopping): renewals end here.
        }
    }

    private void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException exception)
        {
            LogCleanupFailed(exception, folder);
        }
        catch (UnauthorizedAccessException exception)
        {
            LogCleanupFailed(exception, folder);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Import job {JobId} started on node {Node}")]
    private partial void LogStarted(string jobId, string node);

    [LoggerMessage(Level = LogLevel.Information, Message = "Import job {JobId} {State} with {Errors} error line(s)")]
    private partial void LogFinished(string jobId, string state, int errors);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Import job {JobId} could not be claimed: it is no longer queued")]
    private partial void LogNotClaimed(string jobId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Import job {JobId} is no longer leased to node {Node}; its outcome was not recorded")]
    private partial void LogLeaseLost(string jobId, string node);

    [LoggerMessage(Level = LogLevel.Error, Message = "Import job {JobId} threw")]
    private partial void LogImportThrew(Exception exception, string jobId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Import job {JobId} could not be run")]
    private partial void LogJobCrashed(Exception exception, string jobId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Renewing the lease of job {JobId} failed; retrying at the next tick")]
    private partial void LogRenewalFailed(Exception exception, string jobId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The upload folder {Folder} could not be deleted")]
    private partial void LogCleanupFailed(Exception exception, string folder);

    /// <summary>Records each update synchronously on the importer's thread (Progress&lt;T&gt; would post them out of order).</summary>
    private sealed class Recorder(Action<ProgressUpdate> record) : IProgress<ProgressUpdate>
    {
        public void Report(ProgressUpdate value) => record(value);
    }
}
