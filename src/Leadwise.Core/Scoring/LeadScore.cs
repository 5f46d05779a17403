using Leadwise.Core.Outreach;

namespace Leadwise.Core.Scoring;

/// <summary>
/// A lead's point score at a moment (<see cref="AsOf"/>, so decayed event points are reproducible):
/// the total, its grade, a subtotal per scoring model and every rule that fired.
/// </summary>
public sealed record LeadScore(
    LeadId LeadId,
    double Total,
    string Grade,
    IReadOnlyDictionary<ScoringModel, double> Subtotals,
    IReadOnlyList<RuleHit> Hits,
    DateTimeOffset AsOf);
