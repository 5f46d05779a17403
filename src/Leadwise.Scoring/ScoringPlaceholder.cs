namespace Leadwise.Scoring;

/// <summary>Marks the assembly until the engine lands.</summary>
internal static class ScoringPlaceholder;
