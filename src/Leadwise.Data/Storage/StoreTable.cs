namespace Leadwise.Data.Storage;

/// <summary>The five tables of the outreach export, in the order they must be written (references first).</summary>
public enum StoreTable
{
    Users,
    Campaigns,
    Messages,
    Leads,
    Snapshots,
}
