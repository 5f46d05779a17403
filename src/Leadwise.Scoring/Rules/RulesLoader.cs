namespace Leadwise.Scoring.Rules;

/// <summary>
/// Loads rules files: YAML (the documented format) or JSON (read by the same parser, since JSON is YAML's
/// flow style), validating them so every error names its line, column and rule id.
/// </summary>
public static class RulesLoader
{
    private const string DefaultResource = "Leadwise.Scoring.Rules.DefaultRules.yaml";

    /// <summary>Parses and validates <paramref name="text"/>; throws <see cref="RulesValidationException"/> listing every error.</summary>
    public static ScoringRules Parse(string text, string sourceName = "rules.yaml")
    {
        ArgumentNullException.ThrowIfNull(text);
        var (rules, diagnostics) = new RulesParser(sourceName).Parse(text);
        var errors = diagnostics.Where(d => d.Severity == RulesDiagnosticSeverity.Error).ToArray();
        if (errors.Length > 0 || rules is null)
        {
            throw new RulesValidationException(errors);
        }

        return rules;
    }

    /// <summary>Every error and warning in <paramref name="text"/>, without throwing.</summary>
    public static IReadOnlyList<RulesDiagnostic> Validate(string text, string sourceName = "rules.yaml")
    {
        ArgumentNullException.ThrowIfNull(text);
        return new RulesParser(sourceName).Parse(text).Diagnostics;
    }

    /// <summary>The default rules shipped with Leadwise (DefaultRules.yaml), parsed.</summary>
    public static ScoringRules LoadDefault() => Parse(DefaultRulesText(), "DefaultRules.yaml");

    /// <summary>The text of DefaultRules.yaml, e.g. to write out as a starting point.</summary>
    public static string DefaultRulesText()
    {
        using var stream = typeof(RulesLoader).Assembly.GetManifestResourceStream(DefaultResource)
            ?? throw new InvalidOperationException($"Embedded resource {DefaultResource} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
