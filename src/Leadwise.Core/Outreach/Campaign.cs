namespace Leadwise.Core.Outreach;

/// <summary>One outreach campaign; one row of Campaigns.csv. Its counters are denormalised totals: the truth is in its leads.</summary>
public sealed record Campaign
{
    public required CampaignId Id { get; init; }
    public required UserId UserId { get; init; }
    public string? Name { get; init; }
    /// <summary><c>OutreachSalesNav</c> (LinkedIn invite + follow-ups), <c>ExistingSalesNav</c>, or an email type.</summary>
    public string? Type { get; init; }
    public string? Status { get; init; }
    public int? NumOfLeads { get; init; }
    public int? NumOfInvitesSent { get; init; }
    public int? NumOfInvitesAccepted { get; init; }
    public int? NumOfRepliesReceived { get; init; }
    public bool? UseFirstName { get; init; }
    public bool? Deleted { get; init; }
    public DateTimeOffset? LastScheduledToScrapeAt { get; init; }
    public int? MinimumInvites { get; init; }
    public int? MaximumInvites { get; init; }
    public int? FirstFollowUpsSent { get; init; }
    public int? SecondFollowUpsSent { get; init; }
    public int? ThirdFollowUpsSent { get; init; }
    public int? FourthFollowUpsSent { get; init; }
    public int? FifthFollowUpsSent { get; init; }
    public int? SixthFollowUpsSent { get; init; }
    public int? InvitesWithdrawn { get; init; }
    public bool? UseScraperAccounts { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
    public DateTimeOffset? UpdatedAt { get; init; }
    public ExtraFields Extra { get; init; } = ExtraFields.None;
}
