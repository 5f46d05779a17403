using Leadwise.Learning.Evaluation;

namespace Leadwise.Learning.Training;

/// <summary>One trainer's out-of-fold metrics and the 95% bootstrap interval of its ROC AUC.</summary>
public sealed record TrainerResult(TrainerKind Trainer, BinaryMetrics Metrics, double AucLow, double AucHigh);
