namespace Leadwise.Data.Storage;

/// <summary>Rows per table in a store.</summary>
public sealed record StoreCounts(long Users, long Campaigns, long Messages, long Leads, long Snapshots)
{
    public long this[StoreTable table] => table switch
    {
        StoreTable.Users => Users,
        StoreTable.Campaigns => Campaigns,
        StoreTable.Messages => Messages,
        StoreTable.Leads => Leads,
        StoreTable.Snapshots => Snapshots,
        _ => throw new ArgumentOutOfRangeException(nameof(table), table, null),
    };
}
