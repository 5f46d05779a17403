using Leadwise.Core.Scoring;
using Leadwise.Scoring.Rules;

namespace Leadwise.Scoring.Engine;

/// <summary>All rules on one field: the field is read once per lead, then each rule tests the value.</summary>
internal sealed class FieldRuleGroup(RuleField field)
{
    private CompiledFieldRule[] _rules = [];

    public RuleField Field { get; } = field;

    public List<CompiledFieldRule> Rules { get; } = [];

    public FieldRuleGroup Seal()
    {
        _rules = [.. Rules];
        return this;
    }

    public void Evaluate(ref LeadContext context, Span<double> groups, List<RuleHit>? hits)
    {
        switch (Field.Kind)
        {
            case FieldKind.Text:
                var text = Field.Text!(ref context);
                foreach (var rule in _rules)
                {
                    if (rule.TextTest!(text))
                    {
                        Add(rule, groups, hits, context.Facts, text);
                    }
                }

                break;
            case FieldKind.Number:
                var number = Field.Number!(ref context);
                foreach (var rule in _rules)
                {
                    if (rule.NumberTest!(number))
                    {
                        Add(rule, groups, hits, context.Facts, number);
                    }
                }

                break;
            default:
                var flag = Field.Flag!(ref context);
                foreach (var rule in _rules)
                {
                    if (rule.FlagTest!(flag))
                    {
                        Add(rule, groups, hits, context.Facts, flag);
                    }
                }

                break;
        }
    }

    private void Add<T>(CompiledFieldRule rule, Span<double> groups, List<RuleHit>? hits, LeadFacts facts, T value)
    {
        groups[(int)rule.Model] += rule.Points;
        if (hits is not null)
        {
            var reason = HitReasons.Field(Field, rule, facts, value);
            hits.Add(new RuleHit(rule.Rule.Id, rule.Model, rule.Points, reason) { RawPoints = rule.RawPoints });
        }
    }
}
