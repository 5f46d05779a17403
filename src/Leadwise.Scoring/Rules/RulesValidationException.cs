namespace Leadwise.Scoring.Rules;

/// <summary>Thrown when a rules file has errors; <see cref="Errors"/> lists each with its line, column and rule id.</summary>
public sealed class RulesValidationException : Exception
{
    public RulesValidationException(IReadOnlyList<RulesDiagnostic> errors)
        : base(FormatMessage(errors))
    {
        Errors = errors;
    }

    public RulesValidationException()
        : this([])
    {
    }

    public RulesValidationException(string message)
        : base(message)
    {
        Errors = [];
    }

    public RulesValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    public IReadOnlyList<RulesDiagnostic> Errors { get; }

    private static string FormatMessage(IReadOnlyList<RulesDiagnostic> errors) =>
        errors.Count == 0
            ? "The rules file is invalid."
            : $"The rules file has {errors.Count} error(s):{Environment.NewLine}{string.Join(Environment.NewLine, errors)}";
}
