namespace Leadwise.Learning.Tables;

/// <summary>What <see cref="ColumnRoleInference"/> found out about one column.</summary>
/// <param name="Name">The header name.</param>
/// <param name="Role">The inferred role.</param>
/// <param name="IsLabel">Whether this is the label column (profiled like the others, never a feature).</param>
/// <param name="MissingCount">Cells that are empty or a placeholder such as <c>unknown</c>.</param>
/// <param name="DistinctCount">Distinct non-missing values (ordinal, trimmed).</param>
/// <param name="Examples">Up to five distinct non-missing values in order of first appearance.</param>
public sealed record ColumnProfile(
    string Name,
    ColumnRole Role,
    bool IsLabel,
    int MissingCount,
    int DistinctCount,
    IReadOnlyList<string> Examples);
