namespace Leadwise.Scoring.Engine;

/// <summary>A grade and the lowest total that earns it; the bottom grade has no minimum (null).</summary>
public sealed record GradeThreshold(string Grade, double? Min);
