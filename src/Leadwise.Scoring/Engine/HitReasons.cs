using System.Globalization;
using Leadwise.Core.Scoring;
using Leadwise.Scoring.Rules;

namespace Leadwise.Scoring.Engine;

/// <summary>Why a rule fired, in words: <c>title "Geschäftsführer" → Executive</c>, <c>3 pricing_page_view events, decayed …</c>.</summary>
internal static class HitReasons
{
    public static string Field(RuleField field, CompiledFieldRule rule, LeadFacts facts, object? value)
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
            ? explain(facts)
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

    public static string Event(CompiledEventRule rule, int count, double decayFactor, double points)
    {
        var c = rule.Condition;
        var events = count == 1 ? "event" : "events";
        var window = c.WithinDays is { } days ? $" within {Number(days)} d" : string.Empty;
        if (c.IsBurst)
        {
            return $"at least {rule.CountMin} {c.EventType} events within {Number(c.WithinSeconds!.Value)} s{window}";
        }

        if (!rule.PerEvent)
        {
            return $"{count} {c.EventType} {events}{window} (at least {rule.CountMin})";
        }

        var raw = rule.Points * count;
        var decayed = rule.Points * decayFactor;
        var text = c.HalfLifeDays is { } halfLife
            ? $"{count} {c.EventType} {events}{window}, decayed (half-life {Number(halfLife)} d) from {Number(raw)} to {Number(decayed)}"
            : $"{count} {c.EventType} {events}{window} × {Number(rule.Points)} = {Number(raw)}";
        return points != decayed ? $"{text}, capped at {Number(rule.Cap)}" : text;
    }

    public static string GroupCap(ScoringModel model, double sum, double capped) =>
        $"{model} rules gave {Number(sum)}, group capped at {Number(Math.Abs(capped))}";

    public static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
