namespace Leadwise.Learning.Evaluation;

/// <summary>
/// Bootstrap intervals for every metric a report shows. Rows are resampled once per resample and all
/// metrics are computed on that same resample, so the intervals describe one consistent set of
/// "other held-out samples" and cost one sort per resample rather than one per metric.
/// </summary>
public sealed record MetricIntervals(
    MetricInterval RocAuc,
    MetricInterval PrAuc,
    MetricInterval LogLoss,
    MetricInterval Brier,
    MetricInterval CalibrationError,
    MetricInterval LiftAt10)
{
    /// <remarks>
    /// Draws rows with the same seeded sequence as <see cref="Bootstrap.Interval"/>, so the ROC AUC interval
    /// equals the one <see cref="Bootstrap.Interval"/> gives for the same seed and resample count.
    /// </remarks>
    public static MetricIntervals Compute(
        ReadOnlySpan<double> probabilities,
        ReadOnlySpan<bool> labels,
        int resamples = 200,
        int seed = 0,
        double confidence = 0.95)
    {
        var values = new List<double>[6];
        for (var m = 0; m < values.Length; m++)
        {
            values[m] = new List<double>(resamples);
        }

        Bootstrap.Resample(probabilities, labels, resamples, seed, (sampleProbabilities, sampleLabels) =>
        {
            var metrics = BinaryMetrics.Compute(sampleProbabilities, sampleLabels);
            Bootstrap.AddUnlessNaN(values[0], metrics.RocAuc);
            Bootstrap.AddUnlessNaN(values[1], metrics.PrAuc);
            Bootstrap.AddUnlessNaN(values[2], metrics.LogLoss);
            Bootstrap.AddUnlessNaN(values[3], metrics.Brier);
            Bootstrap.AddUnlessNaN(values[4], metrics.CalibrationError);
            Bootstrap.AddUnlessNaN(values[5], metrics.Lift[1].Lift);
        });

        var intervals = values.Select(v => Bootstrap.PercentileInterval(v, confidence)).Select(i => new MetricInterval(i.Low, i.High)).ToArray();
        return new MetricIntervals(intervals[0], intervals[1], intervals[2], intervals[3], intervals[4], intervals[5]);
    }
}
