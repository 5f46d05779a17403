using System.Threading.Channels;

namespace Leadwise.Server.Jobs;

/// <summary>The uploads this node accepted, in order; <see cref="ImportJobRunner"/> takes them one at a time.</summary>
internal sealed class ImportJobQueue
{
    private readonly Channel<QueuedImport> _channel = Channel.CreateUnbounded<QueuedImport>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<QueuedImport> Reader => _channel.Reader;

    public void Enqueue(QueuedImport import)
    {
        if (!_channel.Writer.TryWrite(import))
        {
            throw new InvalidOperationException("The import queue is closed: the server is stopping.");
        }
    }
}
