namespace Leadwise.Scoring.Rules;

/// <summary>A test on one field of a lead (<c>title</c>, <c>company.employees</c>, <c>seniority</c> …); scores at most once per lead.</summary>
public sealed record FieldCondition(string Field, FieldOperator Operator) : RuleCondition
{
    /// <summary>The operand of <c>equals</c>, <c>contains</c> and <c>regex</c>, as written.</summary>
    public string? Value { get; init; }

    /// <summary>The list of <c>in</c>.</summary>
    public IReadOnlyList<string> Values { get; init; } = [];

    /// <summary>The lower bound of <c>range</c> (inclusive), or null for none.</summary>
    public double? Min { get; init; }

    /// <summary>The upper bound of <c>range</c> (inclusive), or null for none.</summary>
    public double? Max { get; init; }

    /// <summary>The operand of <c>exists</c>: true scores present values, false missing ones.</summary>
    public bool Exists { get; init; }
}
