namespace Leadwise.Learning.Tables;

/// <summary>What <see cref="LeakageGuard"/> found for one column.</summary>
/// <param name="Column">The header name.</param>
/// <param name="Role">The role it was scored as.</param>
/// <param name="Auc">
/// Its single-column cross-validated AUC, direction-free (at least 0.5); NaN for identifiers and constants,
/// which are not scored.
/// </param>
/// <param name="SuspiciousWord">The word of its name that marks it as filled after the outcome, if any.</param>
/// <param name="Verdict"><see cref="LeakageVerdict.Leaky"/> when the AUC is above the threshold or the name is suspicious.</param>
public sealed record LeakageFinding(string Column, ColumnRole Role, double Auc, string? SuspiciousWord, LeakageVerdict Verdict);
