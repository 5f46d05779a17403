namespace Leadwise.Server.Jobs;

/// <summary>Lets this node's endpoints wake its idle <see cref="JobRunner"/> when they queue a job, instead of it waiting for the next poll.</summary>
internal sealed class JobWakeUp : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Wake()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken: one pending wake-up is enough, the runner claims every claimable job before waiting again.
        }
    }

    /// <summary>Returns when woken or when <paramref name="timeout"/> passed on <paramref name="time"/>'s clock.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        using var timeoutSource = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        try
        {
            await _signal.WaitAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The poll interval passed.
        }
    }

    public void Dispose() => _signal.Dispose();
}
