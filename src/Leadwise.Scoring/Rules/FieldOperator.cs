namespace Leadwise.Scoring.Rules;

/// <summary>How a field rule tests its field's value.</summary>
public enum FieldOperator
{
    /// <summary><c>equals: value</c>: the value equals (text: ignoring case; numbers; true/false).</summary>
    Equal,

    /// <summary><c>in: [a, b]</c>: the value is one of a list (text ignoring case).</summary>
    In,

    /// <summary><c>contains: text</c>: the text value contains a substring, ignoring case.</summary>
    Contains,

    /// <summary><c>regex: pattern</c>: the text value matches a .NET regular expression.</summary>
    Regex,

    /// <summary><c>range: {min, max}</c>: the numeric value lies in [min, max] (either bound may be left out).</summary>
    Range,

    /// <summary><c>exists: true|false</c>: the value is present (text: not blank) or missing.</summary>
    Exists,
}
