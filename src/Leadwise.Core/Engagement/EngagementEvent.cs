using Leadwise.Core.Outreach;

namespace Leadwise.Core.Engagement;

/// <summary>
/// Something a lead did, at a moment: viewed a page, opened an email, accepted an invite, failed a
/// captcha. Imported from events.csv or posted by the API. <see cref="ClientEventId"/>, when the sender
/// gives one, makes posting the same event twice harmless.
/// </summary>
public sealed record EngagementEvent
{
    public required LeadId LeadId { get; init; }

    /// <summary>One of <see cref="EventTypes"/> (other names are kept but no default rule scores them).</summary>
    public required string Type { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    public string? ClientEventId { get; init; }

    /// <summary>The page, link or file the event concerns, when it has one.</summary>
    public string? Url { get; init; }

    /// <summary>The marketing campaign (or email) the event belongs to, free text.</summary>
    public string? Campaign { get; init; }

    /// <summary>Further values the sender attached (e.g. <c>seconds</c> for a page view); kept as text.</summary>
    public ExtraFields Properties { get; init; } = ExtraFields.None;
}
