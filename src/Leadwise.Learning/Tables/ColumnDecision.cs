namespace Leadwise.Learning.Tables;

/// <summary>What <see cref="TableFeatureBuilder"/> did with one column of a table.</summary>
/// <param name="Column">The header name.</param>
/// <param name="Role">Its inferred role.</param>
/// <param name="Kept">Whether it feeds the model.</param>
/// <param name="Reason">How it is encoded when kept, why it was dropped otherwise.</param>
/// <param name="Features">The feature names it became (empty when dropped).</param>
public sealed record ColumnDecision(string Column, ColumnRole Role, bool Kept, string Reason, IReadOnlyList<string> Features);
