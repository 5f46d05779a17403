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
internal sealed class PromotedRecommender
{
    private readonly ILeadwiseStore _store;
    private readonly TimeProvider _time;
    private readonly Refreshing<Catalog> _current;

    public PromotedRecommender(ILeadwiseStore store, TimeProvider time)
    {
        _store = store;
        _time = time;
        _current = new Refreshing<Catalog>(time, TimeSpan.FromSeconds(30), (_, cancellationToken) => LoadAsync(cancellationToken));
    }

    /// <summary>The recommender and every message by its key, or null when no hazard model is promoted.</summary>
    public Task<Catalog?> GetAsync(CancellationToken cancellationToken) => _current.GetAsync(cancellationToken);

    /// <summary>Rebuilds at the next request rather than after the interval: a promotion was just made here.</summary>
    public void Expire() => _current.Expire();

    private async Task<Catalog?> LoadAsync(CancellationToken cancellationToken)
    {
        if (await new HazardModelRegistry(_store, _time).LoadPromotedAsync(cancellationToken).ConfigureAwait(false) is not { } promoted)
        {
            return null;
        }

        var campaigns = new List<Campaign>();
        await foreach (var campaign in _store.ReadCampaignsAsync(cancellationToken).ConfigureAwait(false))
        {
            campaigns.Add(campaign);
        }

        var messages = new List<Message>();
        await foreach (var message in _store.ReadMessagesAsync(cancellationToken).ConfigureAwait(false))
        {
            messages.Add(message);
        }

        var byCampaign = messages.GroupBy(m => m.CampaignId).ToDictionary(g => g.Key, g => (IReadOnlyList<Message>)[.. g.OrderBy(m => m.Order)]);
        return new Catalog(promoted.Version, new SequenceRecommender(promoted.Model, campaigns, byCampaign, time: _time), messages.ToDictionary(m => m.Key));
    }

    /// <summary>A promoted hazard model's recommender with the messages it may name.</summary>
    internal sealed record Catalog(int Version, SequenceRecommender Recommender, IReadOnlyDictionary<MessageKey, Message> Messages);
}
