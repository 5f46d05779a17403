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
        var values = new List<double>(resamples);
        Resample(probabilities, labels, resamples, seed, (sampleProbabilities, sampleLabels) => AddUnlessNaN(values, metric(sampleProbabilities, sampleLabels)));
        return PercentileInterval(values, confidence);
    }

    /// <summary>
    /// The interval of a metric's difference between two sets of predictions of the same rows (<paramref name="second"/>
    /// minus <paramref name="first"/>), both read on the same resampled rows each time: far narrower than two separate
    /// intervals, since most of each metric's sampling noise is shared.
    /// </summary>
    public static (double Low, double High) PairedDifference(
        ReadOnlySpan<double> first,
        ReadOnlySpan<double> second,
        ReadOnlySpan<bool> labels,
        Metric metric,
        int resamples = 1000,
        int seed = 0,
        double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, 10);
        if (first.Length != labels.Length || second.Length != labels.Length || labels.IsEmpty)
        {
            throw new ArgumentException("Need as many labels as predictions in both sets, and at least one.", nameof(labels));
        }

        var n = labels.Length;
        var sampleFirst = new double[n];
        var sampleSecond = new double[n];
        var sampleLabels = new bool[n];
        var values = new List<double>(resamples);
        foreach (var picks in DrawRows(n, resamples, seed))
        {
            for (var i = 0; i < n; i++)
            {
                sampleFirst[i] = first[picks[i]];
                sampleSecond[i] = second[picks[i]];
                sampleLabels[i] = labels[picks[i]];
            }

            AddUnlessNaN(values, metric(sampleSecond, sampleLabels) - metric(sampleFirst, sampleLabels));
        }

        return PercentileInterval(values, confidence);
    }

    /// <summary>Calls <paramref name="visit"/> once per resample (rows drawn with replacement, seeded); the arrays are reused between calls.</summary>
    internal static void Resample(ReadOnlySpan<double> probabilities, ReadOnlySpan<bool> labels, int resamples, int seed, Action<double[], bool[]> visit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, 10);
        if (probabilities.Length != labels.Length || probabilities.IsEmpty)
        {
            throw new ArgumentException("Need as many labels as probabilities, and at least one.", nameof(labels));
        }

        var n = probabilities.Length;
        var sampleProbabilities = new double[n];
        var sampleLabels = new bool[n];
        foreach (var picks in DrawRows(n, resamples, seed))
        {
            for (var i = 0; i < n; i++)
            {
                sampleProbabilities[i] = probabilities[picks[i]];
                sampleLabels[i] = labels[picks[i]];
            }

            visit(sampleProbabilities, sampleLabels);
        }
    }

    /// <summary>
    /// The rows of each resample, drawn with replacement from one seeded stream, so that every bootstrap in the
    /// library draws the same rows for the same seed; the array is reused between resamples.
    /// </summary>
    private static IEnumerable<int[]> DrawRows(int n, int resamples, int seed)
    {
        var random = new Random(seed);
        var picks = new int[n];
        for (var r = 0; r < resamples; r++)
        {
            for (var i = 0; i < n; i++)
            {
                picks[i] = random.Next(n);
            }

            yield return picks;
        }
    }

    /// <summary>A resample holding one class only has no AUC (or lift): it is skipped for that metric.</summary>
    internal static void AddUnlessNaN(List<double> values, double value)
    {
        if (!double.IsNaN(value))
        {
            values.Add(value);
        }
    }

    /// <summary>The central <paramref name="confidence"/> interval of the values (sorted in place); NaNs when there are none.</summary>
    internal static (double Low, double High) PercentileInterval(List<double> values, double confidence)
    {
        if (values.Count == 0)
        {
            return (double.NaN, double.NaN);
        }

        values.Sort();
        var tail = (1 - confidence) / 2;
        return (Percentile(values, tail), Percentile(values, 1 - tail));
    }

    private static double Percentile(List<double> sorted, double quantile)
    {
        var position = quantile * (sorted.Count - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Count - 1);
        return sorted[below] + ((sorted[above] - sorted[below]) * (position - below));
    }
}
