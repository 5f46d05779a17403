using Leadwise.Core.Scoring;

namespace Leadwise.Scoring.Engine;

public sealed partial class ScoringEngine
{
    /// <summary>The rule id of the hit that shows a group cap at work (its points take the subtotal down to the cap).</summary>
    public static string GroupCapRuleId(ScoringModel model) => "cap:" + model;

    private static RuleHit EventHit(CompiledEventRule rule, int count, double decayFactor, double points)
    {
        var raw = rule.PerEvent ? rule.Points * count : rule.Points;
        return new RuleHit(rule.Rule.Id, rule.Model, points, HitReasons.Event(rule, count, decayFactor, points)) { RawPoints = raw };
    }

    private static RuleHit GroupCapHit(ScoringModel model, double sum, double capped) =>
        new(GroupCapRuleId(model), model, capped - sum, HitReasons.GroupCap(model, sum, capped)) { RawPoints = 0 };
}
