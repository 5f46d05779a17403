using Leadwise.Core.Outreach;
using Leadwise.Core.Scoring;
using Leadwise.Data.Storage;

namespace Leadwise.Server;

/// <summary>
/// One lead's facts for a request. The reader's campaigns and companies are read once and refreshed at most every
/// 30 seconds, rather than by every request: only the lead and its events are read per request.
/// </summary>
internal sealed class CachedLeadFacts(ILeadwiseStore store, TimeProvider time)
{
    private readonly Refreshing<LeadFactsReader> _reader = new(time, TimeSpan.FromSeconds(30), (_, cancellationToken) => LeadFactsReader.OpenAsync(store, cancellationToken)!);

    public async Task<LeadFacts?> ReadOneAsync(LeadId id, CancellationToken cancellationToken)
    {
        var reader = await _reader.GetAsync(cancellationToken).ConfigureAwait(false);
        return await reader!.ReadOneAsync(id, cancellationToken).ConfigureAwait(false);
    }
}
