namespace Leadwise.Learning.Explanations;

/// <summary>
/// How much the held-out ROC AUC falls when one feature group's values are shuffled between rows: the mean
/// over repeats, its sample standard deviation, and each repeat's drop. About 0 (within a standard deviation
/// or two) means the model does not rely on the group; negative values are noise.
/// </summary>
public sealed record FeatureGroupImportance(
    string Group,
    IReadOnlyList<string> Features,
    double MeanAucDrop,
    double StandardDeviation,
    IReadOnlyList<double> Drops);
