using Leadwise.Core.Scoring;

namespace Leadwise.Scoring.Rules;

/// <summary>One rule of a rules file: when <see cref="Condition"/> holds, the lead gets <see cref="Points"/> in <see cref="Group"/>.</summary>
public sealed record ScoringRule(string Id, ScoringModel Group, double Points, RuleCondition Condition)
{
    /// <summary>The most points (in absolute value) this rule can add, or null for no cap.</summary>
    public double? Cap { get; init; }

    public string? Description { get; init; }

    /// <summary>Where the rule starts in its file (1-based), for messages.</summary>
    public int Line { get; init; }

    public int Column { get; init; }
}
