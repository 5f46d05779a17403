using System.Globalization;

namespace Leadwise.Scoring.Rules;

/// <summary>A problem found while loading a rules file, with where it is (1-based line and column) and which rule.</summary>
public sealed record RulesDiagnostic(
    RulesDiagnosticSeverity Severity,
    string Source,
    int Line,
    int Column,
    string? RuleId,
    string Message)
{
    /// <summary><c>rules.yaml:12:5: error: rule "pricing": unknown operator "equal"</c>.</summary>
    public override string ToString()
    {
        var severity = Severity == RulesDiagnosticSeverity.Error ? "error" : "warning";
        var rule = RuleId is null ? string.Empty : string.Create(CultureInfo.InvariantCulture, $"rule \"{RuleId}\": ");
        return string.Create(CultureInfo.InvariantCulture, $"{Source}:{Line}:{Column}: {severity}: {rule}{Message}");
    }
}
