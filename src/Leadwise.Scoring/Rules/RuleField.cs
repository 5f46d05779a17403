using Leadwise.Core.Scoring;

namespace Leadwise.Scoring.Rules;

/// <summary>
/// A field rules can read, with its accessor. Exactly one accessor matching <see cref="Kind"/> is set;
/// accessors take the as-of time because some fields derive from events.
/// </summary>
public sealed class RuleField
{
    public required string Name { get; init; }

    public required FieldKind Kind { get; init; }

    public required string Description { get; init; }

    /// <summary>The values a text field can take, when it is an enumeration (<c>seniority</c>, <c>emailKind</c>).</summary>
    public IReadOnlyList<string>? AllowedValues { get; init; }

    internal FieldReader<string?>? Text { get; init; }

    internal FieldReader<double?>? Number { get; init; }

    internal FieldReader<bool?>? Flag { get; init; }

    /// <summary>For a derived field, what it was derived from, in words (<c>title "CEO" → Executive</c>).</summary>
    internal FieldReader<string>? Explain { get; init; }

    /// <summary>
    /// For a derived field, the one lead string its explanation depends on (the title for <c>seniority</c>), so a
    /// hit can be reused for every lead with that string; null when the explanation reads several fields.
    /// </summary>
    internal Func<LeadFacts, string?>? ReasonKey { get; init; }

    /// <summary>
    /// The field's text as a rule reads it for <paramref name="facts"/> at <paramref name="asOf"/>; null when missing
    /// or the field is not text. Tools that derive rules from data count values through this, so what they count
    /// is exactly what the rule they write will test.
    /// </summary>
    public string? ReadText(LeadFacts facts, DateTimeOffset asOf)
    {
        if (Text is null)
        {
            return null;
        }

        var context = new LeadContext(facts, asOf);
        return Text(ref context);
    }

    /// <summary>The field's number as a rule reads it; null when missing or the field is not a number.</summary>
    public double? ReadNumber(LeadFacts facts, DateTimeOffset asOf)
    {
        if (Number is null)
        {
            return null;
        }

        var context = new LeadContext(facts, asOf);
        return Number(ref context);
    }

    /// <summary>The field's true/false as a rule reads it; null when missing or the field is not a flag.</summary>
    public bool? ReadFlag(LeadFacts facts, DateTimeOffset asOf)
    {
        if (Flag is null)
        {
            return null;
        }

        var context = new LeadContext(facts, asOf);
        return Flag(ref context);
    }
}
