using System.Collections.Concurrent;
using Leadwise.Core.Progress;

namespace Leadwise.Server.Jobs;

/// <summary>
/// The latest progress of the jobs running on this node, as the importer reports it. The runner copies it into the
/// store every second (what other nodes read); this node answers from here, because on SQLite the store's one writer
/// is the import's own transaction until it commits, so the stored progress can only catch up afterwards.
/// </summary>
internal sealed class LiveJobProgress
{
    private readonly ConcurrentDictionary<string, ProgressUpdate> _latest = new(StringComparer.Ordinal);

    public void Record(string jobId, ProgressUpdate update) => _latest[jobId] = update;

    public ProgressUpdate? Find(string jobId) => _latest.TryGetValue(jobId, out var update) ? update : null;

    public void Forget(string jobId) => _latest.TryRemove(jobId, out _);
}
