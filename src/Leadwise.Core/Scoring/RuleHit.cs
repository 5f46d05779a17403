namespace Leadwise.Core.Scoring;

/// <summary>
/// One rule that fired for a lead: its points after decay and caps, and in words why
/// (<c>title "Geschäftsführer" is C-level</c>, <c>3 pricing page views in 30 days</c>).
/// </summary>
public sealed record RuleHit(string RuleId, ScoringModel Model, double Points, string Reason)
{
    /// <summary>The points before the rule's cap and event decay, to show what the cap or decay removed.</summary>
    public double RawPoints { get; init; } = Points;
}
