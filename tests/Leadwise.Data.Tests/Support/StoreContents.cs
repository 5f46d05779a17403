using Leadwise.Core.Outreach;
using Leadwise.Data.Storage;

namespace Leadwise.Data.Tests.Support;

/// <summary>Every row of a store, read back in the store's order, for comparing whole stores.</summary>
internal sealed record StoreContents(
    IReadOnlyList<User> Users,
    IReadOnlyList<Campaign> Campaigns,
    IReadOnlyList<Message> Messages,
    IReadOnlyList<Lead> Leads,
    IReadOnlyList<CampaignSnapshot> Snapshots)
{
    public static async Task<StoreContents> ReadAsync(ILeadwiseStore store) => new(
        await ToListAsync(store.ReadUsersAsync(CancellationToken.None)),
        await ToListAsync(store.ReadCampaignsAsync(CancellationToken.None)),
        await ToListAsync(store.ReadMessagesAsync(CancellationToken.None)),
        await ToListAsync(store.ReadLeadsAsync(CancellationToken.None)),
        await ToListAsync(store.ReadSnapshotsAsync(CancellationToken.None)));

    /// <summary>Asserts both stores hold equal records (record equality, row by row) in all five tables.</summary>
    public void AssertSameRowsAs(StoreContents other)
    {
        Assert.Equal(other.Users, Users);
        Assert.Equal(other.Campaigns, Campaigns);
        Assert.Equal(other.Messages, Messages);
        Assert.Equal(other.Leads, Leads);
        Assert.Equal(other.Snapshots, Snapshots);
    }

    private static async Task<IReadOnlyList<T>> ToListAsync<T>(IAsyncEnumerable<T> rows)
    {
        var list = new List<T>();
        await foreach (var row in rows)
        {
            list.Add(row);
        }

        return list;
    }
}
