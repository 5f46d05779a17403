using Leadwise.Learning.Training;

namespace Leadwise.Learning.Explanations;

/// <summary>Permutation importance of every feature group, most important first, with the unshuffled held-out AUC it is measured against.</summary>
public sealed record PermutationImportanceResult(
    TrainerKind? Trainer,
    int TrainingRows,
    int HeldOutRows,
    double BaselineAuc,
    IReadOnlyList<FeatureGroupImportance> Groups);
