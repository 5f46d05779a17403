using Leadwise.Core.Companies;
using Leadwise.Core.Engagement;
using Leadwise.Core.Jobs;
using Leadwise.Core.Models;
using Leadwise.Core.Outreach;
using Leadwise.Core.Scoring;

namespace Leadwise.Data.Storage;

/// <summary>
/// One write transaction. Rows are upserted by id (re-importing the same export changes nothing).
/// Disposing without <see cref="CommitAsync"/> rolls everything back.
/// </summary>
public interface IStoreWriter : IAsyncDisposable
{
    Task<IReadOnlySet<UserId>> ReadUserIdsAsync(CancellationToken cancellationToken);

    Task<IReadOnlySet<CampaignId>> ReadCampaignIdsAsync(CancellationToken cancellationToken);

    ValueTask UpsertAsync(User user, CancellationToken cancellationToken);

    ValueTask UpsertAsync(Campaign campaign, CancellationToken cancellationToken);

    ValueTask UpsertAsync(Message message, CancellationToken cancellationToken);

    ValueTask UpsertAsync(Lead lead, CancellationToken cancellationToken);

    ValueTask UpsertAsync(CampaignSnapshot snapshot, CancellationToken cancellationToken);

    Task<IReadOnlySet<LeadId>> ReadLeadIdsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Adds an event unless the store already holds it, and says whether it was new. An event is the same
    /// as a stored one when its <see cref="EngagementEvent.ClientEventId"/> is; one without a client id is
    /// the same as a stored one without a client id with equal lead, type, time (to the microsecond) and url.
    /// A stored event is never changed.
    /// </summary>
    ValueTask<bool> UpsertAsync(EngagementEvent engagementEvent, CancellationToken cancellationToken);

    /// <summary>
    /// In <see cref="StoreWriteMode.BulkLoad"/> a store may stage events in bulk (PostgreSQL: binary COPY) and answer
    /// <see langword="true"/> from <see cref="UpsertAsync(EngagementEvent, CancellationToken)"/> before it knows; this merges
    /// what is staged and returns how many of those events the store already held, so callers can still count them.
    /// Zero when nothing was deferred.
    /// </summary>
    Task<long> SettleStagedEventsAsync(CancellationToken cancellationToken);

    /// <summary>Adds or replaces a company, keyed by its normalised name (<see cref="CompanyNameKey"/>).</summary>
    ValueTask UpsertAsync(CompanyProfile company, CancellationToken cancellationToken);

    /// <summary>Replaces the lead's stored score.</summary>
    ValueTask UpsertAsync(LeadScore score, CancellationToken cancellationToken);

    /// <summary>Replaces the lead's stored model score.</summary>
    ValueTask UpsertAsync(ModelScore score, CancellationToken cancellationToken);

    /// <summary>Remembers unknown columns so that export can write them back in their order.</summary>
    Task AddExtraColumnsAsync(StoreTable table, IReadOnlyList<string> columns, CancellationToken cancellationToken);

    /// <summary>
    /// Adds a model version under its own number, with its artifact, in this transaction (what saving does
    /// in a transaction of its own, numbering it). Copying a store uses it so that promotions and model
    /// scores keep pointing at the same versions.
    /// </summary>
    Task AddModelAsync(ModelVersion model, ReadOnlyMemory<byte> artifact, CancellationToken cancellationToken);

    /// <summary>Appends a promotion to its kind's history in this transaction; the version must exist (here or already) and be of that kind.</summary>
    Task AddPromotionAsync(ModelPromotion promotion, CancellationToken cancellationToken);

    /// <summary>
    /// Adds an API key under its own id with its secret's hash and revocation, in this transaction (copying a store keeps
    /// every client's key working); keys created later are numbered after it.
    /// </summary>
    Task AddApiKeyAsync(StoredApiKey key, CancellationToken cancellationToken);

    /// <summary>Adds a job as it stands (state, progress, result, errors, lease), in this transaction: copying a store keeps its jobs' history.</summary>
    Task AddJobAsync(Job job, CancellationToken cancellationToken);

    /// <summary>Adds one chunk of a job's file as it is, in this transaction: a copied queued job keeps its upload.</summary>
    Task AddJobFileAsync(JobFileChunk chunk, CancellationToken cancellationToken);

    /// <summary>Deletes every row of every table in this transaction (<c>leadwise db copy --replace</c>); the schema stays.</summary>
    Task ClearAsync(CancellationToken cancellationToken);

    Task CommitAsync(CancellationToken cancellationToken);
}
