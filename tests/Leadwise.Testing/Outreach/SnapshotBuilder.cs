using Leadwise.Core.Outreach;

namespace Leadwise.Testing.Outreach;

/// <summary>Builds a valid daily <see cref="CampaignSnapshot"/> of campaign 100.</summary>
public sealed class SnapshotBuilder
{
    private CampaignSnapshot _snapshot = new()
    {
        Id = new SnapshotId(1000),
        CampaignId = new CampaignId(100),
        UserId = new UserId(1),
        Status = "ACTIVE",
        NumOfInvitesSent = 10,
        NumOfInvitesAccepted = 4,
        NumOfRepliesReceived = 1,
        CreatedAt = TestTime.Base,
        UpdatedAt = TestTime.Base,
    };

    public SnapshotBuilder WithId(long id)
    {
        _snapshot = _snapshot with { Id = new SnapshotId(id) };
        return this;
    }

    public SnapshotBuilder OfCampaign(long campaignId)
    {
        _snapshot = _snapshot with { CampaignId = new CampaignId(campaignId) };
        return this;
    }

    public SnapshotBuilder TakenAt(DateTimeOffset at)
    {
        _snapshot = _snapshot with { CreatedAt = at, UpdatedAt = at };
        return this;
    }

    public CampaignSnapshot Build() => _snapshot;
}
