using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;
using Leadwise.Core.Scoring;
using Leadwise.Scoring.Rules;

namespace Leadwise.Scoring.Engine;

/// <summary>A field rule turned into a test on its field's value, with its points already capped.</summary>
internal sealed class CompiledFieldRule
{
    private CompiledFieldRule(ScoringRule rule, FieldCondition condition)
    {
        Rule = rule;
        Condition = condition;
        Model = rule.Group;
        RawPoints = rule.Points;
        Points = rule.Cap is { } cap ? Math.Clamp(rule.Points, -cap, cap) : rule.Points;
        ConditionText = HitReasons.ConditionText(condition);
        CapText = Points != RawPoints ? ", capped at " + HitReasons.Number(rule.Cap!.Value) : string.Empty;
    }

    /// <summary>The condition in words after the field and its value (" is one of A, B"), built once.</summary>
    public string ConditionText { get; }

    /// <summary>", capped at N" when the rule's cap cuts its points, else empty.</summary>
    public string CapText { get; }

    /// <summary>Hits by the text they were explained from (the value, or the field's <see cref="RuleField.ReasonKey"/>): equal leads share one hit.</summary>
    public BoundedMemo<string, RuleHit> TextHits { get; } = new(BoundedMemo<string, RuleHit>.DefaultCapacity, StringComparer.Ordinal);

    /// <summary>Hits by number value, for number fields without their own explanation.</summary>
    public BoundedMemo<double, RuleHit> NumberHits { get; } = new(BoundedMemo<double, RuleHit>.DefaultCapacity);

    /// <summary>Hits by flag value, for flag fields without their own explanation.</summary>
    public BoundedMemo<bool, RuleHit> FlagHits { get; } = new(2);

    public ScoringRule Rule { get; }

    public FieldCondition Condition { get; }

    public ScoringModel Model { get; }

    public double Points { get; }

    public double RawPoints { get; }

    public Func<string?, bool>? TextTest { get; private init; }

    public Func<double?, bool>? NumberTest { get; private init; }

    public Func<bool?, bool>? FlagTest { get; private init; }

    /// <param name="rule">The rule.</param>
    /// <param name="condition">Its field condition.</param>
    /// <param name="kind">The kind of the field it reads.</param>
    /// <param name="memoise">Remember regex verdicts per value (bounded): industries and the like repeat from lead to lead.</param>
    public static CompiledFieldRule Compile(ScoringRule rule, FieldCondition condition, FieldKind kind, bool memoise)
    {
        return kind switch
        {
            FieldKind.Number => new CompiledFieldRule(rule, condition) { NumberTest = NumberTestOf(condition) },
            FieldKind.Flag => new CompiledFieldRule(rule, condition) { FlagTest = FlagTestOf(condition) },
            _ => new CompiledFieldRule(rule, condition) { TextTest = TextTestOf(condition, memoise) },
        };
    }

    private static Func<string?, bool> TextTestOf(FieldCondition c, bool memoise)
    {
        switch (c.Operator)
        {
            case FieldOperator.Equal:
                var value = c.Value!;
                return v => v is not null && string.Equals(v.Trim(), value, StringComparison.OrdinalIgnoreCase);
            case FieldOperator.In:
                var set = c.Values.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
                return v => v is not null && set.Contains(v.Trim());
            case FieldOperator.Contains:
                var part = c.Value!;
                return v => v is not null && v.Contains(part, StringComparison.OrdinalIgnoreCase);
            case FieldOperator.Regex:
                var regex = new Regex(c.Value!, RegexOptions.Compiled | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
                if (!memoise)
                {
                    return v => v is not null && regex.IsMatch(v);
                }

                var verdicts = new BoundedMemo<string, bool>(BoundedMemo<string, bool>.DefaultCapacity, StringComparer.Ordinal);
                return v =>
                {
                    if (v is null)
                    {
                        return false;
                    }

                    if (!verdicts.TryGet(v, out var matches))
                    {
                        matches = regex.IsMatch(v);
                        verdicts.Add(v, matches);
                    }

                    return matches;
                };
            case FieldOperator.Exists:
                var exists = c.Exists;
                return v => string.IsNullOrWhiteSpace(v) != exists;
            default:
                throw new InvalidOperationException($"Operator {c.Operator} does not apply to text.");
        }
    }

    private static Func<double?, bool> NumberTestOf(FieldCondition c)
    {
        switch (c.Operator)
        {
            case FieldOperator.Equal:
                var value = ParseNumber(c.Value!);
                return v => v == value;
            case FieldOperator.In:
                var set = c.Values.Select(ParseNumber).ToFrozenSet();
                return v => v is { } x && set.Contains(x);
            case FieldOperator.Range:
                var min = c.Min ?? double.NegativeInfinity;
                var max = c.Max ?? double.PositiveInfinity;
                return v => v is { } x && x >= min && x <= max;
            case FieldOperator.Exists:
                var exists = c.Exists;
                return v => v.HasValue == exists;
            default:
                throw new InvalidOperationException($"Operator {c.Operator} does not apply to numbers.");
        }
    }

    private static Func<bool?, bool> FlagTestOf(FieldCondition c)
    {
        switch (c.Operator)
        {
            case FieldOperator.Equal:
                var value = bool.Parse(c.Value!);
                return v => v == value;
            case FieldOperator.Exists:
                var exists = c.Exists;
                return v => v.HasValue == exists;
            default:
                throw new InvalidOperationException($"Operator {c.Operator} does not apply to true/false.");
        }
    }

    private static double ParseNumber(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
