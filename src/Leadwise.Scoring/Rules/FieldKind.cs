namespace Leadwise.Scoring.Rules;

/// <summary>The type of a field's value, which decides the operators it accepts.</summary>
public enum FieldKind
{
    /// <summary>Text: equals, in, contains, regex, exists.</summary>
    Text,

    /// <summary>A number: equals, in, range, exists.</summary>
    Number,

    /// <summary>true/false: equals, exists.</summary>
    Flag,
}
