namespace Leadwise.Core.Outreach;

/// <summary>A daily snapshot of a campaign's counters; one row of Records.csv.</summary>
public sealed record CampaignSnapshot
{
    public required SnapshotId Id { get; init; }
    public required CampaignId CampaignId { get; init; }
    public UserId? UserId { get; init; }
    public string? Status { get; init; }
    public int? NumOfInvitesSent { get; init; }
    public int? NumOfInvitesAccepted { get; init; }
    public int? NumOfRepliesReceived { get; init; }
    public int? FirstFollowUpsSent { get; init; }
    public int? SecondFollowUpsSent { get; init; }
    public int? ThirdFollowUpsSent { get; init; }
    public int? FourthFollowUpsSent { get; init; }
    public int? FifthFollowUpsSent { get; init; }
    public int? SixthFollowUpsSent { get; init; }
    public int? InvitesWithdrawn { get; init; }
    public int? MinimumInvites { get; init; }
    public int? MaximumInvites { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
    public DateTimeOffset? UpdatedAt { get; init; }
    public ExtraFields Extra { get; init; } = ExtraFields.None;
}
