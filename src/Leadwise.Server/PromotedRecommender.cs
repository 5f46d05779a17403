using Leadwise.Core.Outreach;
using Leadwise.Data.Storage;
using Leadwise.Recommend.Recommending;
using Leadwise.Recommend.Registry;

namespace Leadwise.Server;

/// <summary>
/// A recommender over the promoted hazard model and the store's campaigns and messages, rebuilt when another
/// version is promoted and refreshed at most every 30 seconds (campaigns and messages change with imports);
/// requests keep the recommender they started with.
/// </summary>
internal sealed class PromotedRecommender(ILeadwiseStore store, TimeProvider time)
{
    private static readonly TimeSpan RefreshAfter = TimeSpan.FromSeconds(30);
    private readonly SemaphoreSlim _loading = new(1, 1);
    private Catalog? _current;
    private DateTimeOffset _checkedAt = DateTimeOffset.MinValue;

    /// <summary>The recommender and every message by its key, or null when no hazard model is promoted.</summary>
    public async Task<Catalog?> GetAsync(CancellationToken cancellationToken)
    {
        if (time.GetUtcNow() - _checkedAt < RefreshAfter)
        {
            return _current;
        }

        await _loading.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (time.GetUtcNow() - _checkedAt >= RefreshAfter)
            {
                _current = await LoadAsync(cancellationToken).ConfigureAwait(false);
                _checkedAt = time.GetUtcNow();
            }

            return _current;
        }
        finally
        {
            _loading.Release();
        }
    }

    private async Task<Catalog?> LoadAsync(CancellationToken cancellationToken)
    {
        if (await new HazardModelRegistry(store, time).LoadPromotedAsync(cancellationToken).ConfigureAwait(false) is not { } promoted)
        {
            return null;
        }

        var campaigns = new List<Campaign>();
        await foreach (var campaign in store.ReadCampaignsAsync(cancellationToken).ConfigureAwait(false))
        {
            campaigns.Add(campaign);
        }

        var messages = new List<Message>();
        await foreach (var message in store.ReadMessagesAsync(cancellationToken).ConfigureAwait(false))
        {
            messages.Add(message);
        }

        var byCampaign = messages.GroupBy(m => m.CampaignId).ToDictionary(g => g.Key, g => (IReadOnlyList<Message>)[.. g.OrderBy(m => m.Order)]);
        return new Catalog(promoted.Version, new SequenceRecommender(promoted.Model, campaigns, byCampaign, time: time), messages.ToDictionary(m => m.Key));
    }

    /// <summary>A promoted hazard model's recommender with the messages it may name.</summary>
    internal sealed record Catalog(int Version, SequenceRecommender Recommender, IReadOnlyDictionary<MessageKey, Message> Messages);
}
