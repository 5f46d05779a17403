using System.Threading.Channels;

namespace Leadwise.Data.Import;

/// <summary>
/// Hands parsed rows to the store on a second thread, in batches, so parsing and SQLite's work overlap
/// on a two-core machine. The store writer is used from that one consumer thread only. A failure on
/// either side stops the other; <see cref="CompleteAsync"/> rethrows the consumer's exception.
/// </summary>
internal sealed class RowPipeline<TRow> : IAsyncDisposable
{
    private const int BatchSize = 4096;

    private readonly Channel<TRow[]> _channel = Channel.CreateBounded<TRow[]>(new BoundedChannelOptions(4)
    {
        SingleReader = true,
        SingleWriter = true,
    });

    private readonly CancellationTokenSource _stop;
    private readonly Task _consumer;
    private TRow[] _batch = new TRow[BatchSize];
    private int _count;

    public RowPipeline(Func<TRow, CancellationToken, ValueTask> write, CancellationToken cancellationToken)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _consumer = Task.Run(() => ConsumeAsync(write), CancellationToken.None);
    }

    public long Written { get; private set; }

    public async ValueTask AddAsync(TRow row)
    {
        _batch[_count++] = row;
        Written++;
        if (_count == BatchSize)
        {
            await FlushAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Waits until every row added has been written.</summary>
    public async Task CompleteAsync()
    {
        if (_count > 0)
        {
            await FlushAsync().ConfigureAwait(false);
        }

        _channel.Writer.TryComplete();
        await _consumer.ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        _channel.Writer.TryComplete();
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _consumer.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopped on purpose: the caller is already unwinding with its own exception.
        }

        _stop.Dispose();
    }

    private async Task FlushAsync()
    {
        try
        {
            await _channel.Writer.WriteAsync(_count == BatchSize ? _batch : _batch[.._count], _stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_consumer.IsFaulted)
        {
            await _consumer.ConfigureAwait(false);
        }

        _batch = new TRow[BatchSize];
        _count = 0;
    }

    private async Task ConsumeAsync(Func<TRow, CancellationToken, ValueTask> write)
    {
        try
        {
            await foreach (var batch in _channel.Reader.ReadAllAsync(_stop.Token).ConfigureAwait(false))
            {
                foreach (var row in batch)
                {
                    await write(row, _stop.Token).ConfigureAwait(false);
                }
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            await _stop.CancelAsync().ConfigureAwait(false);
            throw;
        }
    }
}
