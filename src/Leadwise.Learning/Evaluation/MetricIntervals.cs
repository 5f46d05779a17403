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
        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, 10);
        if (probabilities.Length != labels.Length || probabilities.IsEmpty)
        {
            throw new ArgumentException("Need as many labels as probabilities, and at least one.", nameof(labels));
        }

        var random = new Random(seed);
        var n = probabilities.Length;
        var sampleProbabilities = new double[n];
        var sampleLabels = new bool[n];
        var values = new List<double>[6];
        for (var m = 0; m < values.Length; m++)
        {
            values[m] = new List<double>(resamples);
        }

        for (var r = 0; r < resamples; r++)
        {
            for (var i = 0; i < n; i++)
            {
                var pick = random.Next(n);
                sampleProbabilities[i] = probabilities[pick];
                sampleLabels[i] = labels[pick];
            }

            var metrics = BinaryMetrics.Compute(sampleProbabilities, sampleLabels);
            Add(values[0], metrics.RocAuc);
            Add(values[1], metrics.PrAuc);
            Add(values[2], metrics.LogLoss);
            Add(values[3], metrics.Brier);
            Add(values[4], metrics.CalibrationError);
            Add(values[5], metrics.Lift[1].Lift);
        }

        var tail = (1 - confidence) / 2;
        var intervals = values.Select(v => Interval(v, tail)).ToArray();
        return new MetricIntervals(intervals[0], intervals[1], intervals[2], intervals[3], intervals[4], intervals[5]);
    }

    // A resample holding one class only has no AUC or lift; it is skipped for those metrics.
    private static void Add(List<double> values, double value)
    {
        if (!double.IsNaN(value))
        {
            values.Add(value);
        }
    }

    private static MetricInterval Interval(List<double> values, double tail)
    {
        if (values.Count == 0)
        {
            return MetricInterval.None;
        }

        values.Sort();
        return new MetricInterval(Bootstrap.Percentile(values, tail), Bootstrap.Percentile(values, 1 - tail));
    }
}
