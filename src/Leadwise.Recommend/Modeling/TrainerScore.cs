using Leadwise.Learning.Training;

namespace Leadwise.Recommend.Modeling;

/// <summary>A trainer's out-of-fold quality in the grouped-by-lead cross-validation.</summary>
public sealed record TrainerScore(TrainerKind Trainer, double RocAuc, double LogLoss, double CalibrationError);
