namespace Leadwise.Server;

/// <summary>
/// A value requests share and that is refreshed from the store at most once per interval: the first request after the
/// interval refreshes while the others are answered with the value already read — they do not queue behind the
/// refresh, which would put a store round trip (or a catalog re-read) into the latency of every concurrent request —
/// so a refresh (a model promotion, an import) never drops or stalls a request. Only the very first read is waited
/// for by everyone. The value and the time it was read are swapped together as one snapshot, never torn.
/// </summary>
/// <param name="time">The clock the interval is measured on.</param>
/// <param name="every">How long a read value is served before it is read again.</param>
/// <param name="refresh">Reads the value anew; it gets the current one so it can keep it when nothing changed.</param>
internal sealed class Refreshing<T>(TimeProvider time, TimeSpan every, Func<T?, CancellationToken, Task<T?>> refresh)
    where T : class
{
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private Snapshot? _snapshot;

    public async Task<T?> GetAsync(CancellationToken cancellationToken)
    {
        var snapshot = Volatile.Read(ref _snapshot);
        if (IsFresh(snapshot))
        {
            return snapshot!.Value;
        }

        if (snapshot is not null)
        {
            if (!_refreshing.Wait(0))
            {
                return snapshot.Value; // another request is refreshing: answer with what was read
            }
        }
        else
        {
            await _refreshing.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            snapshot = _snapshot;
            if (IsFresh(snapshot))
            {
                return snapshot!.Value;
            }

            var value = await refresh(snapshot?.Value, cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _snapshot, new Snapshot(value, time.GetUtcNow()));
            return value;
        }
        finally
        {
            _refreshing.Release();
        }
    }

    /// <summary>
    /// Makes the next <see cref="GetAsync"/> refresh, whatever the interval says (e.g. after this process promoted a
    /// model). The value stays in place meanwhile, and the refresh still gets it as the current one.
    /// </summary>
    public void Expire()
    {
        var snapshot = Volatile.Read(ref _snapshot);
        if (snapshot is not null)
        {
            Volatile.Write(ref _snapshot, snapshot with { ReadAt = DateTimeOffset.MinValue });
        }
    }

    private bool IsFresh(Snapshot? snapshot) => snapshot is not null && time.GetUtcNow() - snapshot.ReadAt < every;

    private sealed record Snapshot(T? Value, DateTimeOffset ReadAt);
}
