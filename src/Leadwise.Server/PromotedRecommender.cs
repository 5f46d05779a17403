using Leadwise.Core.Outreach;
using Leadwise.Data.Storage;
using Leadwise.Learning.Registry;
using Leadwise.Recommend.Modeling;
using Leadwise.Recommend.Recommending;
using Leadwise.Recommend.Registry;
using Microsoft.Extensions.Options;

namespace Leadwise.Server;

/// <summary>
/// Recommenders over the promoted hazard models and the store's campaigns and messages: the install-wide model's and
/// each account's own (<c>leadwise train --account</c>, a train job for an account), so a lead is recommended by its
/// account's model when it has one promoted, else the install-wide one. The promoted versions are re-checked once per
/// <see cref="ModelRecheckOptions.Interval"/> and the recommenders rebuilt when any changed; campaigns and messages
/// (which change with imports) are re-read at least every 30 seconds. Requests keep the catalog they started with.
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

    /// <summary>The recommenders and every message by its key, or null when no hazard model is promoted (install-wide or for any account).</summary>
    public Task<Catalog?> GetAsync(CancellationToken cancellationToken) => _current.GetAsync(cancellationToken);

    /// <summary>The server's clock, which the remembered answers are timed by.</summary>
    public DateTimeOffset Now => _time.GetUtcNow();

    /// <summary>Rebuilds at the next request rather than after the interval: a promotion was just made here.</summary>
    public void Expire() => _current.Expire();

    private async Task<Catalog?> RefreshAsync(Catalog? current, CancellationToken cancellationToken)
    {
        var promoted = ServedKey(await new HazardModelRegistry(_store, _time).PromotedVersionsAsync(cancellationToken).ConfigureAwait(false));
        if (current is null || current.Served != promoted)
        {
            return await LoadAsync(current: null, current?.Models, cancellationToken).ConfigureAwait(false);
        }

        return _time.GetUtcNow() - current.LoadedAt < CatalogLifetime ? current : await LoadAsync(current, current.Models, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads the campaigns and messages; when they are what <paramref name="current"/> was built from (same model versions),
    /// keeps it — and the recommendations it has remembered — with a new read time instead of starting cold. Models of
    /// <paramref name="loaded"/> that are still promoted are kept rather than read and deserialised again.
    /// </summary>
    private async Task<Catalog?> LoadAsync(Catalog? current, ServedModels<HazardModel>? loaded, CancellationToken cancellationToken)
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

        var served = await new HazardModelRegistry(_store, _time).LoadServedAsync(loaded, cancellationToken).ConfigureAwait(false);
        if (served.IsEmpty)
        {
            return null;
        }

        var byCampaign = messages.GroupBy(m => m.CampaignId).ToDictionary(g => g.Key, g => (IReadOnlyList<Message>)[.. g.OrderBy(m => m.Order)]);
        SequenceRecommender Recommender(ServedModel<HazardModel> model) => new(model.Model, campaigns, byCampaign, time: _time);
        return new Catalog(
            ServedKey(new PromotedVersions(served.InstallWide?.Version, served.ByAccount.ToDictionary(p => p.Key, p => p.Value.Version))),
            served,
            served.InstallWide is { } shared ? Recommender(shared) : null,
            served.ByAccount.ToDictionary(p => p.Key, p => Recommender(p.Value)),
            messages.ToDictionary(m => m.Key),
            _time.GetUtcNow(),
            fingerprint);
    }

    /// <summary>Which version each history serves, as one comparable value (install-wide first, then by account).</summary>
    private static string ServedKey(PromotedVersions versions) =>
        string.Join(';', versions.ByAccount.OrderBy(p => p.Key.Value).Select(p => FormattableString.Invariant($"{p.Key.Value}:{p.Value}")).Prepend(FormattableString.Invariant($"all:{versions.InstallWide}")));

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
    /// The promoted hazard models' recommenders (install-wide and per account) with the messages they may name, when they
    /// were read, and the answers given per lead (<see cref="Remembered"/>), which live as long as the catalog does and at
    /// most <see cref="RememberFor"/> each: a lead's own facts (events) can change its recommendation too. A lead always
    /// belongs to the same account, so its remembered answer is its own account's model's.
    /// </summary>
    internal sealed record Catalog(
        string Served,
        ServedModels<HazardModel> Models,
        SequenceRecommender? InstallWide,
        IReadOnlyDictionary<UserId, SequenceRecommender> ByAccount,
        IReadOnlyDictionary<MessageKey, Message> Messages,
        DateTimeOffset LoadedAt,
        string Fingerprint)
    {
        public static readonly TimeSpan RememberFor = TimeSpan.FromMinutes(1);

        public System.Collections.Concurrent.ConcurrentDictionary<LeadId, RememberedAnswer> Remembered { get; } = new();

        /// <summary>The recommender for a lead or campaign of <paramref name="account"/>: its own promoted model's, else the install-wide one's (null when neither).</summary>
        public SequenceRecommender? For(UserId? account) =>
            account is { } owner && ByAccount.TryGetValue(owner, out var own) ? own : InstallWide;
    }
}
