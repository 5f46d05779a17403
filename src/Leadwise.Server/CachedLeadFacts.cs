using Leadwise.Core.Outreach;
using Leadwise.Core.Scoring;
using Leadwise.Data.Storage;

namespace Leadwise.Server;

/// <summary>
/// One lead's facts for a request. The reader's campaigns and companies are read once and refreshed at most every
/// 30 seconds, rather than by every request: only the lead and its events are read per request. Reads come from the
/// read store (a replica when there is one); <see cref="ReadOneFromPrimaryAsync"/> reads the primary, for answers that
/// must include what the same request just wrote.
/// </summary>
internal sealed class CachedLeadFacts
{
    private readonly Refreshing<LeadFactsReader> _reader;
    private readonly Refreshing<LeadFactsReader> _primaryReader;

    public CachedLeadFacts(ILeadwiseStore primary, ReadStore reads, TimeProvider time)
    {
        _reader = Reader(reads.Store, time);
        _primaryReader = ReferenceEquals(reads.Store, primary) ? _reader : Reader(primary, time);
    }

    public Task<LeadFacts?> ReadOneAsync(LeadId id, CancellationToken cancellationToken) => ReadOneAsync(_reader, id, cancellationToken);

    /// <summary>The lead's facts as the primary holds them: a replica may not have replayed this request's own writes yet.</summary>
    public Task<LeadFacts?> ReadOneFromPrimaryAsync(LeadId id, CancellationToken cancellationToken) => ReadOneAsync(_primaryReader, id, cancellationToken);

    private static async Task<LeadFacts?> ReadOneAsync(Refreshing<LeadFactsReader> cached, LeadId id, CancellationToken cancellationToken)
    {
        var reader = await cached.GetAsync(cancellationToken).ConfigureAwait(false);
        return await reader!.ReadOneAsync(id, cancellationToken).ConfigureAwait(false);
    }

    private static Refreshing<LeadFactsReader> Reader(ILeadwiseStore store, TimeProvider time) =>
        new(time, TimeSpan.FromSeconds(30), (_, cancellationToken) => LeadFactsReader.OpenAsync(store, cancellationToken)!);
}
