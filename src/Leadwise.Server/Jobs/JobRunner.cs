using Leadwise.Core.Jobs;
using Leadwise.Core.Progress;
using Leadwise.Data.Storage;
using Microsoft.Extensions.Options;

namespace Leadwise.Server.Jobs;

/// <summary>
/// This node's share of running the store's jobs, whichever node accepted them: it asks the store for claimable jobs
/// (queued, or running under a lease that expired because its node died) every <c>Leadwise:Jobs:PollSeconds</c> or when
/// this node queues one, claims one with the store's one-statement claim, renews the lease every second while running
/// it, and records the outcome only while it still owns the lease. A run whose lease is lost is cancelled, and since
/// every <see cref="IJobHandler"/> writes all-or-nothing, it leaves nothing behind; the job's next claimer runs it from
/// the start. A job claimed more than <c>Leadwise:Jobs:MaxAttempts</c> times fails with the reason. One job at a time.
/// When the node stops (the host's stopping token), the running job is cancelled and handed back to the queue at once,
/// so another node takes it without waiting for the lease to expire.
/// </summary>
internal sealed partial class JobRunner(
    ILeadwiseStore store,
    IEnumerable<IJobHandler> handlers,
    JobWakeUp wakeUp,
    LiveJobProgress live,
    IOptions<JobOptions> jobOptions,
    IOptions<JobRunnerOptions> runnerOptions,
    TimeProvider time,
    ILogger<JobRunner> logger) : BackgroundService
{
    private const int ClaimCandidates = 16;
    private static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan HandBackTimeout = TimeSpan.FromSeconds(10);
    private readonly Dictionary<string, IJobHandler> _handlers = handlers.ToDictionary(handler => handler.Kind, StringComparer.Ordinal);

    private string Node => jobOptions.Value.NodeId;

    private JobRunnerOptions Settings => runnerOptions.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Settings.Run)
        {
            LogNotRunning(Node);
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await RunNextAsync(stoppingToken).ConfigureAwait(false))
                {
                    // Claimed and ran one: look for the next before waiting.
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogPollFailed(exception);
            }

            await wakeUp.WaitAsync(Settings.PollInterval, time, stoppingToken).ConfigureAwait(false);
        }
    }

    private JobLease LeaseFromNow() => new(Node, time.GetUtcNow().AddSeconds(Settings.LeaseSeconds));

    /// <summary>Claims the oldest job this node can get and runs it; false when there was none.</summary>
    private async Task<bool> RunNextAsync(CancellationToken stoppingToken)
    {
        var now = time.GetUtcNow();
        foreach (var id in await store.ReadClaimableJobIdsAsync(now, ClaimCandidates, stoppingToken).ConfigureAwait(false))
        {
            // Another node may claim it between the listing and here; the claim itself settles that race.
            if (await store.StartJobAsync(id, LeaseFromNow(), now, stoppingToken).ConfigureAwait(false) is { } claimed)
            {
                try
                {
                    await RunClaimedAsync(claimed, stoppingToken).ConfigureAwait(false);
                }
                finally
                {
                    live.Forget(claimed.Id);
                }

                return true;
            }
        }

        return false;
    }

    private async Task RunClaimedAsync(Job job, CancellationToken stoppingToken)
    {
        if (job.Attempts > Settings.MaxAttempts)
        {
            await FinishAsync(job, JobOutcome.Failed(
                $"The job was started {job.Attempts - 1} times (Leadwise:Jobs:MaxAttempts is {Settings.MaxAttempts}) and each time its node stopped renewing the lease before it finished; it is not tried again. Nothing it would have written was kept."),
                stoppingToken).ConfigureAwait(false);
            return;
        }

        if (!_handlers.TryGetValue(job.Kind, out var handler))
        {
            await FinishAsync(job, JobOutcome.Failed($"This server does not know how to run a job of kind {job.Kind}."), stoppingToken).ConfigureAwait(false);
            return;
        }

        LogStarted(job.Id, job.Kind, Node, job.Attempts);
        using var running = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var leaseLost = false;
        var renewal = RenewAsync(job.Id, () => leaseLost = true, running);
        JobOutcome outcome;
        try
        {
            outcome = await handler.RunAsync(job, new Recorder(update => live.Record(job.Id, update)), running.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (leaseLost && !stoppingToken.IsCancellationRequested)
        {
            LogLeaseLost(job.Id, Node);
            return;
        }
        catch (Exception) when (stoppingToken.IsCancellationRequested && !leaseLost)
        {
            // This node is stopping: the run was cancelled (whatever the handler threw on its way out, it wrote nothing),
            // so the job goes back to the queue at once instead of waiting for the lease to expire.
            await running.CancelAsync().ConfigureAwait(false);
            await renewal.ConfigureAwait(false);
            await HandBackAsync(job.Id).ConfigureAwait(false);
            return;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogJobThrew(exception, job.Id);
            outcome = JobOutcome.Failed($"The job stopped: {exception.Message} Nothing it would have written was kept.");
        }
        finally
        {
            await running.CancelAsync().ConfigureAwait(false);
            await renewal.ConfigureAwait(false);
        }

        if (leaseLost)
        {
            // The handler finished, but another node holds the job now: its run is the one that counts.
            LogLeaseLost(job.Id, Node);
            return;
        }

        // The final progress first, so the stored job shows where it got to even if it ran faster than a renewal. Neither
        // write takes the stopping token: an outcome the job reached is recorded even while the node shuts down.
        if (live.Find(job.Id) is { } last)
        {
            await store.RenewJobAsync(job.Id, LeaseFromNow(), last, CancellationToken.None).ConfigureAwait(false);
        }

        await FinishAsync(job, outcome, CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>
    /// Gives a job this node was running back to the queue (<see cref="ILeadwiseStore.ReleaseJobAsync"/>): another node
    /// claims it at its next poll, and the claim is not counted against <c>Leadwise:Jobs:MaxAttempts</c>. When the store
    /// cannot be reached, the lease simply expires as it would had the node died.
    /// </summary>
    private async Task HandBackAsync(string jobId)
    {
        try
        {
            using var timeout = new CancellationTokenSource(HandBackTimeout);
            if (await store.ReleaseJobAsync(jobId, Node, timeout.Token).ConfigureAwait(false))
            {
                LogHandedBack(jobId, Node);
            }
            else
            {
                LogLeaseLost(jobId, Node);
            }
        }
        catch (Exception exception)
        {
            LogHandBackFailed(exception, jobId);
        }
    }

    private async Task FinishAsync(Job job, JobOutcome outcome, CancellationToken stoppingToken)
    {
        var state = outcome.Succeeded ? JobStates.Succeeded : JobStates.Failed;
        if (!await store.FinishJobAsync(job.Id, Node, state, time.GetUtcNow(), outcome.ResultJson, outcome.Errors, stoppingToken).ConfigureAwait(false))
        {
            LogLeaseLost(job.Id, Node);
            return;
        }

        LogFinished(job.Id, state, outcome.Errors.Count);
    }

    /// <summary>Renews the lease every second until <paramref name="running"/> is cancelled; when the store says the lease is no longer this node's, cancels the run.</summary>
    private async Task RenewAsync(string jobId, Action onLost, CancellationTokenSource running)
    {
        using var timer = new PeriodicTimer(RenewEvery, time);
        try
        {
            while (await timer.WaitForNextTickAsync(running.Token).ConfigureAwait(false))
            {
                bool renewed;
                try
                {
                    renewed = await store.RenewJobAsync(jobId, LeaseFromNow(), live.Find(jobId), running.Token).ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // On SQLite the job's own transaction is the one writer until it commits; the next renewal catches up.
                    LogRenewalFailed(exception, jobId);
                    continue;
                }

                if (!renewed)
                {
                    onLost();
                    await running.CancelAsync().ConfigureAwait(false);
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The job finished (or the host is stopping): renewals end here.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Node {Node} does not run jobs (Leadwise:Jobs:Run is false); other nodes run the jobs it accepts")]
    private partial void LogNotRunning(string node);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} ({Kind}) started on node {Node}, attempt {Attempt}")]
    private partial void LogStarted(string jobId, string kind, string node, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} {State} with {Errors} error line(s)")]
    private partial void LogFinished(string jobId, string state, int errors);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} is no longer leased to node {Node}; its outcome was not recorded")]
    private partial void LogLeaseLost(string jobId, string node);

    [LoggerMessage(Level = LogLevel.Information, Message = "Node {Node} is stopping: job {JobId} was cancelled, nothing it wrote was kept, and it is queued again for any node")]
    private partial void LogHandedBack(string jobId, string node);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Handing job {JobId} back to the queue failed; another node takes it once its lease expires")]
    private partial void LogHandBackFailed(Exception exception, string jobId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {JobId} threw")]
    private partial void LogJobThrew(Exception exception, string jobId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Looking for or running a claimable job failed; retrying at the next poll")]
    private partial void LogPollFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Renewing the lease of job {JobId} failed; retrying at the next tick")]
    private partial void LogRenewalFailed(Exception exception, string jobId);

    /// <summary>Records each update synchronously on the job's thread (Progress&lt;T&gt; would post them out of order).</summary>
    private sealed class Recorder(Action<ProgressUpdate> record) : IProgress<ProgressUpdate>
    {
        public void Report(ProgressUpdate value) => record(value);
    }
}
