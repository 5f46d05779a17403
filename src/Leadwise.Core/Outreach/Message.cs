namespace Leadwise.Core.Outreach;

/// <summary>
/// The message a campaign sends at one step; one row of Messages.csv. <see cref="Content"/> is a
/// template with <c>{{ salutation }}</c> and <c>{{ first_name }}</c> placeholders.
/// </summary>
public sealed record Message
{
    public required CampaignId CampaignId { get; init; }
    /// <summary>0 = the invite (connection request note), 1..5 = follow-up 1..5.</summary>
    public required int Order { get; init; }
    public string? Type { get; init; }
    public string? Name { get; init; }
    public string? Content { get; init; }
    public string? MaleSalutation { get; init; }
    public string? FemaleSalutation { get; init; }
    /// <summary>Days to wait after the previous step; null for the invite. May be fractional.</summary>
    public double? IntervalDays { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
    public DateTimeOffset? UpdatedAt { get; init; }
    public ExtraFields Extra { get; init; } = ExtraFields.None;

    public MessageKey Key => new(CampaignId, Order);
}
