using Leadwise.Core.Outreach;

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

    /// <summary>Remembers unknown columns so that export can write them back in their order.</summary>
    Task AddExtraColumnsAsync(StoreTable table, IReadOnlyList<string> columns, CancellationToken cancellationToken);

    Task CommitAsync(CancellationToken cancellationToken);
}
