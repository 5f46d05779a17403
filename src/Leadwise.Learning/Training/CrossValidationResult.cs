using Leadwise.Learning.Evaluation;

namespace Leadwise.Learning.Training;

/// <summary>A trainer's out-of-fold probabilities for every row and the metrics they earn.</summary>
public sealed record CrossValidationResult(TrainerKind Trainer, IReadOnlyList<double> OutOfFold, IReadOnlyList<bool> Labels, BinaryMetrics Metrics);
