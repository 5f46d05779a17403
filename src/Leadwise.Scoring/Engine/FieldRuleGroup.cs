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
                        AddText(rule, groups, hits, ref context, text);
                    }
                }

                break;
            case FieldKind.Number:
                var number = Field.Number!(ref context);
                foreach (var rule in _rules)
                {
                    if (rule.NumberTest!(number))
                    {
                        AddNumber(rule, groups, hits, ref context, number);
                    }
                }

                break;
            default:
                var flag = Field.Flag!(ref context);
                foreach (var rule in _rules)
                {
                    if (rule.FlagTest!(flag))
                    {
                        AddFlag(rule, groups, hits, ref context, flag);
                    }
                }

                break;
        }
    }

    private void AddText(CompiledFieldRule rule, Span<double> groups, List<RuleHit>? hits, ref LeadContext context, string? text)
    {
        groups[(int)rule.Model] += rule.Points;
        if (hits is null)
        {
            return;
        }

        if (!context.Optimised)
        {
            hits.Add(Hit(rule, HitReasons.Field(Field, rule, ref context, text)));
            return;
        }

        var key = Field.Explain is null ? text : Field.ReasonKey?.Invoke(context.Facts);
        if (key is not null && (Field.Explain is null || Field.ReasonKey is not null))
        {
            hits.Add(Memoised(rule, ref context, rule.TextHits, key, HitReasons.Shown(text)));
            return;
        }

        hits.Add(Hit(rule, HitReasons.FieldQuick(Field, rule, ref context, HitReasons.Shown(text))));
    }

    private void AddNumber(CompiledFieldRule rule, Span<double> groups, List<RuleHit>? hits, ref LeadContext context, double? number)
    {
        groups[(int)rule.Model] += rule.Points;
        if (hits is null)
        {
            return;
        }

        if (!context.Optimised)
        {
            hits.Add(Hit(rule, HitReasons.Field(Field, rule, ref context, number)));
            return;
        }

        if (Field.Explain is null && number is { } value)
        {
            hits.Add(Memoised(rule, ref context, rule.NumberHits, value, HitReasons.Shown(number)));
            return;
        }

        hits.Add(Hit(rule, HitReasons.FieldQuick(Field, rule, ref context, HitReasons.Shown(number))));
    }

    private void AddFlag(CompiledFieldRule rule, Span<double> groups, List<RuleHit>? hits, ref LeadContext context, bool? flag)
    {
        groups[(int)rule.Model] += rule.Points;
        if (hits is null)
        {
            return;
        }

        if (!context.Optimised)
        {
            hits.Add(Hit(rule, HitReasons.Field(Field, rule, ref context, flag)));
            return;
        }

        if (Field.Explain is null && flag is { } value)
        {
            hits.Add(Memoised(rule, ref context, rule.FlagHits, value, HitReasons.Shown(flag)));
            return;
        }

        if (Field.ReasonKey?.Invoke(context.Facts) is { } key)
        {
            hits.Add(Memoised(rule, ref context, rule.TextHits, key, HitReasons.Shown(flag)));
            return;
        }

        hits.Add(Hit(rule, HitReasons.FieldQuick(Field, rule, ref context, HitReasons.Shown(flag))));
    }

    /// <summary>The hit explained from <paramref name="key"/>, built once per key and shared by leads that have it.</summary>
    private RuleHit Memoised<TKey>(CompiledFieldRule rule, ref LeadContext context, BoundedMemo<TKey, RuleHit> memo, TKey key, string shown)
        where TKey : notnull
    {
        if (!memo.TryGet(key, out var hit))
        {
            hit = Hit(rule, HitReasons.FieldQuick(Field, rule, ref context, shown));
            memo.Add(key, hit);
        }

        return hit;
    }

    private static RuleHit Hit(CompiledFieldRule rule, string reason) =>
        new(rule.Rule.Id, rule.Model, rule.Points, reason) { RawPoints = rule.RawPoints };
}
