using System.Diagnostics;
using System.Globalization;
using Leadwise.Learning.Calibration;
using Leadwise.Learning.Evaluation;

namespace Leadwise.Learning.Training;

/// <summary>
/// Chooses and calibrates a conversion model: every trainer is cross-validated on the same seeded,
/// stratified folds; the best out-of-fold ROC AUC wins; its out-of-fold probabilities choose the
/// calibration. Refuses data with fewer than <see cref="MinimumPerClass"/> rows of either class, and
/// warns below <see cref="WarnRows"/> rows or <see cref="WarnPositives"/> positives.
/// </summary>
public sealed class ConversionTrainer(int folds = 5, int seed = 0)
{
    public const int MinimumPerClass = 40;
    public const int WarnRows = 1000;
    public const int WarnPositives = 120;

    public TrainingReport Evaluate(FeatureMatrix data, IReadOnlyList<TrainerKind>? trainers = null, CancellationToken cancellationToken = default) =>
        Run(data, trainers, cancellationToken).Report;

    /// <summary>As <see cref="Evaluate"/>, keeping the chosen trainer's calibrated out-of-fold probabilities (for grade bands and reports).</summary>
    public TrainingRun Run(FeatureMatrix data, IReadOnlyList<TrainerKind>? trainers = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        var positives = data.Positives;
        var negatives = data.Labels.Count - positives;
        if (positives < MinimumPerClass || negatives < MinimumPerClass)
        {
            throw new NotEnoughDataException(string.Create(CultureInfo.InvariantCulture,
                $"Training needs at least {MinimumPerClass} converted and {MinimumPerClass} unconverted rows; this data has {positives} and {negatives}."));
        }

        var warnings = new List<string>();
        if (data.Labels.Count < WarnRows || positives < WarnPositives)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"Only {data.Labels.Count} rows with {positives} converted: metrics will be uncertain (wide intervals); {WarnRows}+ rows and {WarnPositives}+ conversions are advisable."));
        }

        var crossValidation = new CrossValidation(folds, seed);
        var results = new List<(TrainerResult Result, CrossValidationResult Run)>();
        foreach (var kind in trainers ?? Enum.GetValues<TrainerKind>())
        {
            var warmUp = Stopwatch.StartNew();
            WarmUp(data, kind);
            var warmUpTime = warmUp.Elapsed;
            var clock = Stopwatch.StartNew();
            var run = crossValidation.Run(data, kind, cancellationToken);
            var elapsed = clock.Elapsed;
            var intervals = MetricIntervals.Compute([.. run.OutOfFold], [.. run.Labels], resamples: 200, seed: seed);
            results.Add((new TrainerResult(kind, run.Metrics, intervals.RocAuc.Low, intervals.RocAuc.High)
            {
                Intervals = intervals,
                Elapsed = elapsed,
                WarmUp = warmUpTime,
                OutOfFold = run.OutOfFold,
            }, run));
        }

        var best = results.MaxBy(r => r.Result.Metrics.RocAuc);
        var calibration = CalibrationChoice.Choose(best.Run.OutOfFold, best.Run.Labels, folds, seed);
        var calibrated = calibration.Calibrator.Apply(best.Run.OutOfFold);
        var report = new TrainingReport(
            data.Labels.Count,
            positives,
            [.. results.Select(r => r.Result)],
            best.Result.Trainer,
            calibration,
            BinaryMetrics.Compute(calibrated, [.. best.Run.Labels]),
            warnings)
        {
            CalibratedIntervals = MetricIntervals.Compute(calibrated, [.. best.Run.Labels], resamples: 200, seed: seed),
        };
        return new TrainingRun(report, calibrated, best.Run.Labels);
    }

    /// <summary>
    /// Fits and scores the trainer once on 100 rows of each class before the clock starts: the first fit in a process
    /// pays one-time costs (JIT, ML.NET's component catalog, loading LightGBM's native library) that would otherwise
    /// be counted as training time. Its predictions are discarded.
    /// </summary>
    private void WarmUp(FeatureMatrix data, TrainerKind kind)
    {
        var rows = Enumerable.Range(0, data.Labels.Count).Where(i => data.Labels[i]).Take(100)
            .Concat(Enumerable.Range(0, data.Labels.Count).Where(i => !data.Labels[i]).Take(100))
            .ToArray();
        HoldOut.FitAndPredict(data, rows, rows, kind, seed);
    }
}
