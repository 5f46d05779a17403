using Leadwise.Core.Scoring;

namespace Leadwise.Scoring.Engine;

public sealed partial class ScoringEngine
{
    /// <summary>The rule id of the hit that shows a group cap at work (its points take the subtotal down to the cap).</summary>
    public static string GroupCapRuleId(ScoringModel model) => "cap:" + model;

    /// <summary>
    /// An event rule's hit. Quick: numbers written without the custom format where exact, and for rules without
    /// decay (whose hit depends on the count alone) one shared hit per count.
    /// </summary>
    private static RuleHit EventHit(CompiledEventRule rule, int count, double decayFactor, double points, bool quick)
    {
        var memoise = quick && rule.HalfLifeTicks == 0 && count < rule.HitsByCount.Length;
        if (memoise && rule.HitsByCount[count] is { } known)
        {
            return known;
        }

        var raw = rule.PerEvent ? rule.Points * count : rule.Points;
        var hit = new RuleHit(rule.Rule.Id, rule.Model, points, HitReasons.Event(rule, count, decayFactor, points, quick)) { RawPoints = raw };
        if (memoise)
        {
            // A benign race: two threads may build equal hits; either one is kept.
            rule.HitsByCount[count] = hit;
        }

        return hit;
    }

    private static RuleHit GroupCapHit(ScoringModel model, double sum, double capped) =>
        new(GroupCapRuleId(model), model, capped - sum, HitReasons.GroupCap(model, sum, capped)) { RawPoints = 0 };
}
