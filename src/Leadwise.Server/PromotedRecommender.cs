using Leadwise.Core.Outreach;
using Leadwise.Data.Storage;
using Leadwise.Recommend.Recommending;
using Leadwise.Recommend.Registry;
using Microsoft.Extensions.Options;

namespace Leadwise.Server;

/// <summary>
/// A recommender over the promoted hazard model and the store's campaigns and messages. The promoted version
/// is re-checked once per <see cref="ModelRecheckOptions.Interval"/> and the recommender rebuilt when it
/// changed; campaigns and messages (which change with imports) are re-read at least every 30 seconds.
/// Requests keep the recommender they started with.
/// </summary>
internal sealed class PromotedRecommender
{
    private static readonly TimeSpan CatalogLifetime = TimeSpan.FromSeconds(30);
    private readonly ILeadwiseStore _store;
    private readonly TimeProvider _time;
    private readonly Refreshing<Catalog> _current;

    public PromotedRecommender(ILeadwiseStore store, TimeProvider time, IOptions<ModelRecheckOptions> options)
    {
        _store = store;
        _time = time;
        _current = new Refreshing<Catalog>(time, options.Value.Interval, RefreshAsync);
    }

    /// <summary>The recommender and every message by its key, or null when no hazard model is promoted.</summary>
    public Task<Catalog?> GetAsync(CancellationToken cancellationToken) => _current.GetAsync(cancellationToken);

    /// <summary>Rebuilds at the next request rather than after the interval: a promotion was just made here.</summary>
    public void Expire() => _current.Expire();

    private async Task<Catalog?> RefreshAsync(Catalog? current, CancellationToken cancellationToken)
    {
        var version = (await new HazardModelRegistry(_store, _time).HistoryAsync(cancellationToken).ConfigureAwait(false)).Current;
        return current is not null && current.Version == version && _time.GetUtcNow() - current.LoadedAt < CatalogLifetime
            ? current
            : await LoadAsync(cancellationToken).ConfigureAwait(false);
    }

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
        return new Catalog(promoted.Version, new SequenceRecommender(promoted.Model, campaigns, byCampaign, time: _time), messages.ToDictionary(m => m.Key), _time.GetUtcNow());
    }

    /// <summary>A promoted hazard model's recommender with the messages it may name, and when they were read.</summary>
    internal sealed record Catalog(int Version, SequenceRecommender Recommender, IReadOnlyDictionary<MessageKey, Message> Messages, DateTimeOffset LoadedAt);
}
