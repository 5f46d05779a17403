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

    public PromotedRecommender(ReadStore reads, TimeProvider time, IOptions<ModelRecheckOptions> options)
    {
        _store = reads.Store;
        _time = time;
        _current = new Refreshing<Catalog>(time, options.Value.Interval, RefreshAsync);
    }

    /// <summary>The recommender and every message by its key, or null when no hazard model is promoted.</summary>
    public Task<Catalog?> GetAsync(CancellationToken cancellationToken) => _current.GetAsync(cancellationToken);

    /// <summary>The server's clock, which the remembered answers are timed by.</summary>
    public DateTimeOffset Now => _time.GetUtcNow();

    /// <summary>Rebuilds at the next request rather than after the interval: a promotion was just made here.</summary>
    public void Expire() => _current.Expire();

    private async Task<Catalog?> RefreshAsync(Catalog? current, CancellationToken cancellationToken)
    {
        var version = (await new HazardModelRegistry(_store, _time).HistoryAsync(cancellationToken).ConfigureAwait(false)).Current;
        if (current is null || current.Version != version)
        {
            return await LoadAsync(current: null, cancellationToken).ConfigureAwait(false);
        }

        return _time.GetUtcNow() - current.LoadedAt < CatalogLifetime ? current : await LoadAsync(current, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads the campaigns and messages; when they are what <paramref name="current"/> was built from (same model version),
    /// keeps it — and the recommendations it has remembered — with a new read time instead of starting cold.
    /// </summary>
    private async Task<Catalog?> LoadAsync(Catalog? current, CancellationToken cancellationToken)
    {
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

        var fingerprint = Fingerprint(campaigns, messages);
        if (current is not null && current.Fingerprint == fingerprint)
        {
            return current with { LoadedAt = _time.GetUtcNow() };
        }

        if (await new HazardModelRegistry(_store, _time).LoadPromotedAsync(cancellationToken).ConfigureAwait(false) is not { } promoted)
        {
            return null;
        }

        var byCampaign = messages.GroupBy(m => m.CampaignId).ToDictionary(g => g.Key, g => (IReadOnlyList<Message>)[.. g.OrderBy(m => m.Order)]);
        return new Catalog(promoted.Version, new SequenceRecommender(promoted.Model, campaigns, byCampaign, time: _time), messages.ToDictionary(m => m.Key), _time.GetUtcNow(), fingerprint);
    }

    /// <summary>What a recommendation depends on besides the model and the lead: each campaign's owner and type, each message's text and timing.</summary>
    private static string Fingerprint(IReadOnlyList<Campaign> campaigns, IReadOnlyList<Message> messages)
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (var campaign in campaigns.OrderBy(c => c.Id.Value))
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(FormattableString.Invariant($"c{campaign.Id}|{campaign.UserId}|{campaign.Type}|{campaign.Deleted}\n")));
        }

        foreach (var message in messages.OrderBy(m => m.CampaignId.Value).ThenBy(m => m.Order))
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(FormattableString.Invariant($"m{message.Key}|{message.Name}|{message.IntervalDays}|{message.Content}|{message.MaleSalutation}|{message.FemaleSalutation}\n")));
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }

    /// <summary>A lead's steps, the seed response's JSON once it has been written (null before), and when they were computed.</summary>
    internal sealed record RememberedAnswer(IReadOnlyList<Endpoints.RecommendedStep> Steps, byte[]? Json, DateTimeOffset At);

    /// <summary>
    /// A promoted hazard model's recommender with the messages it may name, when they were read, and the answers it has
    /// given per lead (<see cref="Remembered"/>), which live as long as the catalog does and at most
    /// <see cref="RememberFor"/> each: a lead's own facts (events) can change its recommendation too.
    /// </summary>
    internal sealed record Catalog(int Version, SequenceRecommender Recommender, IReadOnlyDictionary<MessageKey, Message> Messages, DateTimeOffset LoadedAt, string Fingerprint)
    {
        public static readonly TimeSpan RememberFor = TimeSpan.FromMinutes(1);

        public System.Collections.Concurrent.ConcurrentDictionary<LeadId, RememberedAnswer> Remembered { get; } = new();
    }
}
