using Leadwise.Learning.Evaluation;

namespace Leadwise.Learning.Training;

/// <summary>One trainer's out-of-fold metrics and the 95% bootstrap interval of its ROC AUC.</summary>
public sealed record TrainerResult(TrainerKind Trainer, BinaryMetrics Metrics, double AucLow, double AucHigh)
{
    /// <summary>95% bootstrap intervals of every reported metric (the ROC AUC one equals <see cref="AucLow"/>–<see cref="AucHigh"/>).</summary>
    public MetricIntervals? Intervals { get; init; }

    /// <summary>Wall time of the cross-validation: fitting and scoring every fold, nothing else.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>Wall time of the small fit before <see cref="Elapsed"/> started that paid the process's one-time start-up costs.</summary>
    public TimeSpan WarmUp { get; init; }

    /// <summary>The uncalibrated out-of-fold probability of each row, when cross-validated (other tools can score them their own way).</summary>
    public IReadOnlyList<double>? OutOfFold { get; init; }
}
