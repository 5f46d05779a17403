using Leadwise.Data.Export;
using Leadwise.Data.Storage;

namespace Leadwise.Data.Import;

/// <summary>The five files of an export, in the order they are imported (referenced tables first).</summary>
internal static class ExportFiles
{
    public static readonly IReadOnlyList<(StoreTable Table, string FileName)> Names =
    [
        (StoreTable.Users, UsersTable.Instance.FileName),
        (StoreTable.Campaigns, CampaignsTable.Instance.FileName),
        (StoreTable.Messages, MessagesTable.Instance.FileName),
        (StoreTable.Leads, LeadsTable.Instance.FileName),
        (StoreTable.Snapshots, SnapshotsTable.Instance.FileName),
    ];
}
