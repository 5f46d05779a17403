using Leadwise.Core.Scoring;

namespace Leadwise.Learning.Scorecard;

/// <summary>
/// An attribute of a fitted scorecard: its bins, its logistic-regression coefficient β on the WoE feature, and its
/// information value (how well its bins alone separate converted from other leads; below 0.02 is weak).
/// β is 0 when the regression found no use for it beyond the other attributes; its bins then score 0.
/// </summary>
public sealed record ScorecardAttribute(string Name, ScoringModel Group, double Coefficient, double InformationValue, string ReferenceBin, IReadOnlyList<ScorecardBin> Bins);
