using Leadwise.Scoring.Reports;

namespace Leadwise.Reports.Curves;

/// <summary>
/// The curves the model report draws, computed from scores and labels. Rows are taken in descending
/// score order, and rows with tied scores move together (a threshold cannot split them), so the area
/// under <see cref="Roc"/> is the Mann–Whitney AUC with ties counting half, as in
/// <see cref="Core.Metrics.RocAuc"/>.
/// </summary>
public static class ReportCurves
{
    /// <summary>ROC curve: X = false-positive rate, Y = true-positive rate, from (0, 0) to (1, 1).</summary>
    public static IReadOnlyList<CurvePoint> Roc(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        var (positives, negatives) = Classes(scores, labels);
        var points = new List<CurvePoint> { new(0, 0) };
        foreach (var (_, hits, misses) in CumulativeGroups(scores, labels))
        {
            points.Add(new CurvePoint(negatives == 0 ? 0 : (double)misses / negatives, positives == 0 ? 0 : (double)hits / positives));
        }

        return points;
    }

    /// <summary>Precision–recall curve: X = recall, Y = precision, one point per distinct threshold (highest first).</summary>
    public static IReadOnlyList<CurvePoint> PrecisionRecall(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        var (positives, _) = Classes(scores, labels);
        var points = new List<CurvePoint>();
        foreach (var (_, hits, misses) in CumulativeGroups(scores, labels))
        {
            points.Add(new CurvePoint(positives == 0 ? 0 : (double)hits / positives, (double)hits / (hits + misses)));
        }

        return points;
    }

    /// <summary>
    /// Cumulative gain: X = share of rows worked (best scores first), Y = share of all conversions found,
    /// from (0, 0) to (1, 1). Lift at a share is Y / X.
    /// </summary>
    public static IReadOnlyList<CurvePoint> Gain(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        var (positives, _) = Classes(scores, labels);
        var n = scores.Count;
        var points = new List<CurvePoint> { new(0, 0) };
        foreach (var (_, hits, misses) in CumulativeGroups(scores, labels))
        {
            points.Add(new CurvePoint((double)(hits + misses) / n, positives == 0 ? 0 : (double)hits / positives));
        }

        return points;
    }

    /// <summary>Reliability diagram: <paramref name="bins"/> equal-width bins over [0, 1]; empty bins are left out.</summary>
    public static IReadOnlyList<ReliabilityBin> Reliability(IReadOnlyList<double> probabilities, IReadOnlyList<bool> labels, int bins = 10)
    {
        Classes(probabilities, labels);
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        var counts = new int[bins];
        var converted = new int[bins];
        var predicted = new double[bins];
        for (var i = 0; i < probabilities.Count; i++)
        {
            var bin = Math.Min(bins - 1, (int)(Math.Clamp(probabilities[i], 0, 1) * bins));
            counts[bin]++;
            converted[bin] += labels[i] ? 1 : 0;
            predicted[bin] += probabilities[i];
        }

        var result = new List<ReliabilityBin>();
        for (var bin = 0; bin < bins; bin++)
        {
            if (counts[bin] == 0)
            {
                continue;
            }

            var interval = RateInterval.Wilson(converted[bin], counts[bin]);
            result.Add(new ReliabilityBin(
                (double)bin / bins,
                (double)(bin + 1) / bins,
                counts[bin],
                converted[bin],
                predicted[bin] / counts[bin],
                (double)converted[bin] / counts[bin],
                interval.Low,
                interval.High));
        }

        return result;
    }

    /// <summary>Histogram of <paramref name="values"/> in <paramref name="bins"/> equal-width bins over [<paramref name="low"/>, <paramref name="high"/>]; values outside are clamped into the end bins.</summary>
    public static IReadOnlyList<HistogramBin> Histogram(IEnumerable<double> values, double low, double high, int bins)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        if (!(high > low))
        {
            high = low + 1; // every value is the same: one meaningful bin
        }

        var counts = new int[bins];
        var total = 0;
        foreach (var value in values)
        {
            var bin = (int)Math.Floor((value - low) / (high - low) * bins);
            counts[Math.Clamp(bin, 0, bins - 1)]++;
            total++;
        }

        var width = (high - low) / bins;
        return [.. Enumerable.Range(0, bins).Select(b => new HistogramBin(low + (b * width), low + ((b + 1) * width), counts[b], total == 0 ? 0 : (double)counts[b] / total))];
    }

    /// <summary>Area under a curve by the trapezoid rule, points taken in the order given.</summary>
    public static double TrapezoidArea(IReadOnlyList<CurvePoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        double area = 0;
        for (var i = 1; i < points.Count; i++)
        {
            area += (points[i].X - points[i - 1].X) * (points[i].Y + points[i - 1].Y) / 2;
        }

        return area;
    }

    /// <summary>Average precision of a precision–recall curve: each point's precision weighted by the recall it adds.</summary>
    public static double AveragePrecision(IReadOnlyList<CurvePoint> precisionRecall)
    {
        ArgumentNullException.ThrowIfNull(precisionRecall);
        double area = 0, recall = 0;
        foreach (var point in precisionRecall)
        {
            area += (point.X - recall) * point.Y;
            recall = point.X;
        }

        return area;
    }

    /// <summary>Keeps at most <paramref name="maximum"/> points, evenly spread by index, always with the first and last.</summary>
    public static IReadOnlyList<CurvePoint> Thin(IReadOnlyList<CurvePoint> points, int maximum)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentOutOfRangeException.ThrowIfLessThan(maximum, 2);
        if (points.Count <= maximum)
        {
            return points;
        }

        return [.. Enumerable.Range(0, maximum).Select(k => points[(int)Math.Round((double)k * (points.Count - 1) / (maximum - 1))])];
    }

    /// <summary>Walks the rows by descending score; after each group of tied scores yields the threshold and the positives and negatives at or above it.</summary>
    private static IEnumerable<(double Threshold, int Hits, int Misses)> CumulativeGroups(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        var order = Enumerable.Range(0, scores.Count).ToArray();
        var keys = scores.Select(s => -s).ToArray();
        Array.Sort(keys, order);
        int hits = 0, misses = 0;
        for (var rank = 0; rank < order.Length; rank++)
        {
            if (labels[order[rank]])
            {
                hits++;
            }
            else
            {
                misses++;
            }

            if (rank + 1 == order.Length || !keys[rank + 1].Equals(keys[rank]))
            {
                yield return (-keys[rank], hits, misses);
            }
        }
    }

    private static (int Positives, int Negatives) Classes(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(labels);
        if (scores.Count != labels.Count)
        {
            throw new ArgumentException($"{scores.Count} scores but {labels.Count} labels.", nameof(labels));
        }

        var positives = labels.Count(label => label);
        return (positives, labels.Count - positives);
    }
}
