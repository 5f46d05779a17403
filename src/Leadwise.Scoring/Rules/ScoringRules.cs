using Leadwise.Core.Scoring;
using Leadwise.Scoring.Engine;

namespace Leadwise.Scoring.Rules;

/// <summary>A parsed and validated rules file: the rules, per-group caps and grade thresholds. Load with <see cref="RulesLoader"/>.</summary>
public sealed record ScoringRules(IReadOnlyList<ScoringRule> Rules)
{
    /// <summary>Caps on a group's subtotal (absolute value); groups without one are uncapped.</summary>
    public IReadOnlyDictionary<ScoringModel, double> GroupCaps { get; init; } = new Dictionary<ScoringModel, double>();

    public GradeScale Grades { get; init; } = GradeScale.Default;

    /// <summary>Warnings from loading (e.g. an event type Leadwise does not know).</summary>
    public IReadOnlyList<RulesDiagnostic> Warnings { get; init; } = [];
}
