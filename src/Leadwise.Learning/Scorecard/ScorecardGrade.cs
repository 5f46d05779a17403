namespace Leadwise.Learning.Scorecard;

/// <summary>A grade of a learned rules file: leads with at least <see cref="Min"/> points (the last grade: everything below).</summary>
public sealed record ScorecardGrade(string Name, int? Min);
