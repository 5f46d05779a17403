using Leadwise.Learning.Evaluation;
using Leadwise.Learning.Features;
using Leadwise.Learning.Monitoring;

namespace Leadwise.Learning.Model;

/// <summary>
/// Everything known about a trained conversion model besides its weights: how it was trained and on
/// what (seed, folds, data fingerprint, features), how well it did on held-out folds, its grade bands,
/// and the training distributions drift is measured against. Stored as the registry version's metadata.
/// </summary>
public sealed record ConversionModelCard(
    DateTimeOffset TrainedAt,
    string Trainer,
    string Calibration,
    int Seed,
    int Folds,
    int Rows,
    int Positives,
    string DataFingerprint,
    IReadOnlyList<string> FeatureNames,
    IReadOnlyList<FeatureGroup> Groups,
    IReadOnlyList<float> Reference,
    HeldOutMetrics Metrics,
    IReadOnlyList<TrainerMetrics> Trainers,
    IReadOnlyList<GroupImportance> Importance,
    GradeBands Bands,
    EncoderState Encoder,
    DriftBaseline Drift,
    IReadOnlyList<string> Warnings)
{
    /// <summary>The optional feature groups tried when training and what each added; null on models trained before they existed.</summary>
    public IReadOnlyList<FeatureGroupChoice>? FeatureChoices { get; init; }

    public string Summary => FormattableString.Invariant(
        $"{Trainer} + {Calibration} calibration, held-out AUC {Metrics.RocAuc:F3} ({Metrics.RocAucLow:F3}–{Metrics.RocAucHigh:F3}), {Rows:N0} leads, {Positives:N0} converted");
}

/// <summary>
/// One optional feature group (title words, campaign owner, point subtotals) and the chosen trainer's out-of-fold ROC AUC
/// without and with it, with the paired bootstrap 95% interval of the difference (<see cref="GainLow"/>–<see cref="GainHigh"/>);
/// <see cref="Kept"/> when it did not lower the AUC (<see cref="FeatureSelection"/>).
/// </summary>
public sealed record FeatureGroupChoice(string Group, double AucWithout, double AucWith, bool Kept)
{
    public double Gain => AucWith - AucWithout;

    /// <summary>Lower end of the gain's 95% interval; null on cards saved before intervals were kept, or when the group added no column.</summary>
    public double? GainLow { get; init; }

    public double? GainHigh { get; init; }
}

/// <summary>The chosen, calibrated model's out-of-fold metrics.</summary>
public sealed record HeldOutMetrics(
    double RocAuc,
    double RocAucLow,
    double RocAucHigh,
    double PrAuc,
    double LogLoss,
    double Brier,
    double CalibrationError,
    double LiftTop10,
    double BaseRate);

/// <summary>One compared trainer's out-of-fold metrics, with the 95% bootstrap interval of its ROC AUC.</summary>
public sealed record TrainerMetrics(string Trainer, BinaryMetrics Metrics, double AucLow, double AucHigh)
{
    public double RocAuc => Metrics.RocAuc;
}

/// <summary>How much the held-out ROC AUC drops when a feature group is permuted (mean and standard deviation over repeats).</summary>
public sealed record GroupImportance(string Group, double MeanAucDrop, double StandardDeviation);
