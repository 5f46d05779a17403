using System.Globalization;
using Leadwise.Core.Scoring;
using Leadwise.Scoring.Rules;

namespace Leadwise.Scoring.Engine;

/// <summary>Why a rule fired, in words: <c>title "Geschäftsführer" → Executive</c>, <c>3 pricing_page_view events, decayed …</c>.</summary>
internal static class HitReasons
{
    /// <summary>The reason for a field hit, built from scratch: the reference for <see cref="FieldQuick"/>.</summary>
    public static string Field(RuleField field, CompiledFieldRule rule, ref LeadContext context, object? value)
    {
        var c = rule.Condition;
        var shown = value switch
        {
            null => "(none)",
            string s => RuleFields.Quote(s),
            bool b => b ? "true" : "false",
            double d => Number(d),
            _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
        };
        var reason = field.Explain is { } explain
            ? explain(ref context)
            : c.Operator switch
            {
                FieldOperator.Equal => $"{field.Name} {shown}",
                FieldOperator.In => $"{field.Name} {shown} is one of {string.Join(", ", c.Values)}",
                FieldOperator.Contains => $"{field.Name} {shown} contains \"{c.Value}\"",
                FieldOperator.Regex => $"{field.Name} {shown} matches /{c.Value}/",
                FieldOperator.Range => $"{field.Name} {shown} in [{(c.Min is { } min ? Number(min) : "…")}, {(c.Max is { } max ? Number(max) : "…")}]",
                _ => c.Exists ? $"{field.Name} {shown} is present" : $"{field.Name} is missing",
            };
        return rule.Points != rule.RawPoints ? $"{reason}, capped at {Number(rule.Rule.Cap!.Value)}" : reason;
    }

    /// <summary>The same text as <see cref="Field"/>, from the rule's precomputed condition text, without boxing.</summary>
    public static string FieldQuick(RuleField field, CompiledFieldRule rule, ref LeadContext context, string shown)
    {
        if (field.Explain is { } explain)
        {
            return explain(ref context) + rule.CapText;
        }

        return rule.Condition.Operator == FieldOperator.Exists && !rule.Condition.Exists
            ? field.Name + " is missing" + rule.CapText
            : string.Concat(field.Name, " ", shown, rule.ConditionText) + rule.CapText;
    }

    public static string Shown(string? value) => value is null ? "(none)" : RuleFields.Quote(value);

    public static string Shown(double? value) => value is { } d ? NumberQuick(d) : "(none)";

    public static string Shown(bool? value) => value is { } b ? (b ? "true" : "false") : "(none)";

    /// <summary>The text of a rule's condition after the field and its value (" is one of A, B"), for <see cref="FieldQuick"/>.</summary>
    public static string ConditionText(FieldCondition c) => c.Operator switch
    {
        FieldOperator.Equal => string.Empty,
        FieldOperator.In => $" is one of {string.Join(", ", c.Values)}",
        FieldOperator.Contains => $" contains \"{c.Value}\"",
        FieldOperator.Regex => $" matches /{c.Value}/",
        FieldOperator.Range => $" in [{(c.Min is { } min ? Number(min) : "…")}, {(c.Max is { } max ? Number(max) : "…")}]",
        _ => c.Exists ? " is present" : string.Empty,
    };

    /// <summary>
    /// <see cref="Number"/>, with integers below 10^15 (exact in "0.#", which keeps 15 digits) written directly;
    /// negative zero still goes through the format, which writes it "-0".
    /// </summary>
    public static string NumberQuick(double value) =>
        value == Math.Floor(value) && Math.Abs(value) < 1e15 && (value != 0 || !double.IsNegative(value))
            ? ((long)value).ToString(CultureInfo.InvariantCulture)
            : Number(value);

    public static string Event(CompiledEventRule rule, int count, double decayFactor, double points, bool quick = false)
    {
        Func<double, string> number = quick ? NumberQuick : Number;
        var c = rule.Condition;
        var events = count == 1 ? "event" : "events";
        var window = c.WithinDays is { } days ? $" within {number(days)} d" : string.Empty;
        if (c.IsBurst)
        {
            return $"at least {rule.CountMin} {c.EventType} events within {number(c.WithinSeconds!.Value)} s{window}";
        }

        if (!rule.PerEvent)
        {
            return $"{count} {c.EventType} {events}{window} (at least {rule.CountMin})";
        }

        var raw = rule.Points * count;
        var decayed = rule.Points * decayFactor;
        var text = c.HalfLifeDays is { } halfLife
            ? $"{count} {c.EventType} {events}{window}, decayed (half-life {number(halfLife)} d) from {number(raw)} to {number(decayed)}"
            : $"{count} {c.EventType} {events}{window} × {number(rule.Points)} = {number(raw)}";
        return points != decayed ? $"{text}, capped at {number(rule.Cap)}" : text;
    }

    public static string GroupCap(ScoringModel model, double sum, double capped) =>
        $"{model} rules gave {Number(sum)}, group capped at {Number(Math.Abs(capped))}";

    public static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
