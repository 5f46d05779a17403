using Leadwise.Core.Scoring;

namespace Leadwise.Scoring.Reports;

/// <summary>
/// How one rule did on a set of leads: how many it hit, and its hit rate among converted vs non-converted
/// invited leads, with the difference and 95% intervals (Wilson per rate, Newcombe for the difference).
/// </summary>
public sealed record RuleCheck(
    string RuleId,
    ScoringModel Group,
    int Hits,
    int ConvertedHits,
    int NonConvertedHits,
    double ConvertedRate,
    double NonConvertedRate,
    RateInterval ConvertedInterval,
    RateInterval NonConvertedInterval,
    double Difference,
    RateInterval DifferenceInterval);
