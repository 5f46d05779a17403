using Leadwise.Learning.Calibration;
using Leadwise.Learning.Evaluation;

namespace Leadwise.Learning.Training;

/// <summary>What training found: each trainer's cross-validated metrics with a bootstrap interval on its AUC, the chosen one, and its calibration.</summary>
public sealed record TrainingReport(
    int Rows,
    int Positives,
    IReadOnlyList<TrainerResult> Trainers,
    TrainerKind Chosen,
    CalibrationChoice Calibration,
    BinaryMetrics CalibratedMetrics,
    IReadOnlyList<string> Warnings)
{
    /// <summary>95% bootstrap intervals of <see cref="CalibratedMetrics"/>.</summary>
    public MetricIntervals? CalibratedIntervals { get; init; }
}
