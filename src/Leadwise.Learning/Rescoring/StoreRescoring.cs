namespace Leadwise.Learning.Rescoring;

/// <summary>What <see cref="StoreRescorer"/> wrote: how many leads, as of when, and how many of each grade by the points and by the model.</summary>
/// <param name="Leads">Leads point-scored (every lead of the store).</param>
/// <param name="AsOf">The time the scores are as of (event decay, not-yet-invited leads).</param>
/// <param name="PointGrades">Leads per point grade, by grade.</param>
/// <param name="ModelVersion">The conversion model version served to the scored scope (the install-wide one, or the account's); null without one.</param>
/// <param name="ModelGrades">Leads per model grade, by grade; empty without a model.</param>
public sealed record StoreRescoring(
    long Leads,
    DateTimeOffset AsOf,
    IReadOnlyDictionary<string, long> PointGrades,
    int? ModelVersion,
    IReadOnlyDictionary<string, long> ModelGrades)
{
    /// <summary>Every conversion model version that scored some lead (an account's own model scores its leads), ascending.</summary>
    public IReadOnlyCollection<int> ModelVersions { get; init; } = [];
}
