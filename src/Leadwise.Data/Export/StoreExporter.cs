using Leadwise.Core.Progress;
using Leadwise.Data.Storage;

namespace Leadwise.Data.Export;

/// <summary>
/// Writes a store back out as the five export files, including the unknown columns imports kept
/// aside, so that import → export → import gives the same store.
/// </summary>
public sealed class StoreExporter(ILeadwiseStore store)
{
    public async Task<StoreCounts> ExportAsync(string folder, IProgress<ProgressUpdate>? progress, CancellationToken cancellationToken)
    {
        var writer = new OutreachExportWriter(folder);
        var total = await store.CountAsync(cancellationToken).ConfigureAwait(false);

        async Task<long> Step(StoreTable table, string fileName, Func<IReadOnlyList<string>, Task<long>> write)
        {
            progress?.Report(new ProgressUpdate(fileName, 0, total[table]));
            var extras = await store.ReadExtraColumnsAsync(table, cancellationToken).ConfigureAwait(false);
            var written = await write(extras).ConfigureAwait(false);
            progress?.Report(new ProgressUpdate(fileName, written, total[table]));
            return written;
        }

        var users = await Step(StoreTable.Users, UsersTable.Instance.FileName,
            extras => writer.WriteUsersAsync(store.ReadUsersAsync(cancellationToken), cancellationToken, extras)).ConfigureAwait(false);
        var campaigns = await Step(StoreTable.Campaigns, CampaignsTable.Instance.FileName,
            extras => writer.WriteCampaignsAsync(store.ReadCampaignsAsync(cancellationToken), cancellationToken, extras)).ConfigureAwait(false);
        var messages = await Step(StoreTable.Messages, MessagesTable.Instance.FileName,
            extras => writer.WriteMessagesAsync(store.ReadMessagesAsync(cancellationToken), cancellationToken, extras)).ConfigureAwait(false);
        var leads = await Step(StoreTable.Leads, LeadsTable.Instance.FileName,
            extras => writer.WriteLeadsAsync(store.ReadLeadsAsync(cancellationToken), cancellationToken, extras)).ConfigureAwait(false);
        var snapshots = await Step(StoreTable.Snapshots, SnapshotsTable.Instance.FileName,
            extras => writer.WriteSnapshotsAsync(store.ReadSnapshotsAsync(cancellationToken), cancellationToken, extras)).ConfigureAwait(false);
        return new StoreCounts(users, campaigns, messages, leads, snapshots);
    }
}
