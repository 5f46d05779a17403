using Leadwise.Core.Outreach;
using Leadwise.Core.Progress;
using Leadwise.Data.Storage;

namespace Leadwise.Data.Export;

/// <summary>
/// Writes a store back out as the five export files, including the unknown columns imports kept
/// aside, so that import → export → import gives the same store.
/// </summary>
/// <remarks>
/// With an account, only that account's rows are written (its user, its campaigns with their messages, leads and
/// snapshots, read in SQL): an export one customer can be handed, which imports into a store of its own.
/// </remarks>
public sealed class StoreExporter(ILeadwiseStore store, UserId? account = null)
{
    public async Task<StoreCounts> ExportAsync(string folder, IProgress<ProgressUpdate>? progress, CancellationToken cancellationToken)
    {
        var writer = new OutreachExportWriter(folder);
        var total = await store.CountAsync(account, cancellationToken).ConfigureAwait(false);

        async Task<long> Step(StoreTable table, string fileName, Func<IReadOnlyList<string>, Task<long>> write)
        {
            progress?.Report(new ProgressUpdate(fileName, 0, total[table]));
            var extras = await store.ReadExtraColumnsAsync(table, cancellationToken).ConfigureAwait(false);
            var written = await write(extras).ConfigureAwait(false);
            progress?.Report(new ProgressUpdate(fileName, written, total[table]));
            return written;
        }

        var users = await Step(StoreTable.Users, UsersTable.Instance.FileName,
            extras => writer.WriteUsersAsync(store.ReadUsersAsync(account, cancellationToken), cancellationToken, extras)).ConfigureAwait(false);
        var campaigns = await Step(StoreTable.Campaigns, CampaignsTable.Instance.FileName,
            extras => writer.WriteCampaignsAsync(store.ReadCampaignsAsync(account, cancellationToken), cancellationToken, extras)).ConfigureAwait(false);
        var messages = await Step(StoreTable.Messages, MessagesTable.Instance.FileName,
            extras => writer.WriteMessagesAsync(store.ReadMessagesAsync(account, cancellationToken), cancellationToken, extras)).ConfigureAwait(false);
        var leads = await Step(StoreTable.Leads, LeadsTable.Instance.FileName,
            extras => writer.WriteLeadsAsync(store.ReadLeadsAsync(account, cancellationToken), cancellationToken, extras)).ConfigureAwait(false);
        var snapshots = await Step(StoreTable.Snapshots, SnapshotsTable.Instance.FileName,
            extras => writer.WriteSnapshotsAsync(store.ReadSnapshotsAsync(account, cancellationToken), cancellationToken, extras)).ConfigureAwait(false);
        return new StoreCounts(users, campaigns, messages, leads, snapshots);
    }
}
