namespace Leadwise.Learning.Evaluation;

/// <summary>
/// Percentile bootstrap intervals for a metric of held-out predictions: resample rows with replacement,
/// recompute, take the 2.5th and 97.5th percentiles. Seeded, so a report is reproducible.
/// </summary>
public static class Bootstrap
{
    public delegate double Metric(ReadOnlySpan<double> probabilities, ReadOnlySpan<bool> labels);

    public static (double Low, double High) Interval(
        ReadOnlySpan<double> probabilities,
        ReadOnlySpan<bool> labels,
        Metric metric,
        int resamples = 1000,
        int seed = 0,
        double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, 10);
        if (probabilities.Length != labels.Length || probabilities.IsEmpty)
        {
            throw new ArgumentException("Need as many labels as probabilities, and at least one.", nameof(labels));
        }

        var random = new Random(seed);
        var n = probabilities.Length;
        var sampleProbabilities = new double[n];
        var sampleLabels = new bool[n];
        var values = new List<double>(resamples);
        for (var r = 0; r < resamples; r++)
        {
            for (var i = 0; i < n; i++)
            {
                var pick = random.Next(n);
                sampleProbabilities[i] = probabilities[pick];
                sampleLabels[i] = labels[pick];
            }

            var value = metric(sampleProbabilities, sampleLabels);
            if (!double.IsNaN(value))
            {
                values.Add(value); // a resample with one class only has no AUC; it is skipped
            }
        }

        if (values.Count == 0)
        {
            return (double.NaN, double.NaN);
        }

        values.Sort();
        var tail = (1 - confidence) / 2;
        return (Percentile(values, tail), Percentile(values, 1 - tail));
    }

    internal static double Percentile(List<double> sorted, double quantile)
    {
        var position = quantile * (sorted.Count - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Count - 1);
        return sorted[below] + ((sorted[above] - sorted[below]) * (position - below));
    }
}
