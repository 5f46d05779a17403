namespace Leadwise.Scoring.Rules;

public enum RulesDiagnosticSeverity
{
    Warning,
    Error,
}
