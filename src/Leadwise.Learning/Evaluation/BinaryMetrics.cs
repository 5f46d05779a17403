namespace Leadwise.Learning.Evaluation;

/// <summary>
/// How good a set of predicted conversion probabilities is, on held-out rows: ranking (ROC AUC, PR AUC),
/// probability quality (log loss, Brier, expected calibration error), the sales view (lift and gain in
/// the top 5/10/20 %), and the F1-optimal threshold with its confusion matrix.
/// </summary>
public sealed record BinaryMetrics(
    int Rows,
    int Positives,
    double RocAuc,
    double PrAuc,
    double LogLoss,
    double Brier,
    double CalibrationError,
    IReadOnlyList<LiftAt> Lift,
    ThresholdChoice BestF1)
{
    /// <summary>The top shares lift and gain are reported at.</summary>
    public static readonly IReadOnlyList<double> TopShares = [0.05, 0.10, 0.20];

    private const double Epsilon = 1e-15;
    private const int CalibrationBins = 10;

    public static BinaryMetrics Compute(ReadOnlySpan<double> probabilities, ReadOnlySpan<bool> labels)
    {
        if (probabilities.Length != labels.Length || probabilities.IsEmpty)
        {
            throw new ArgumentException($"Need as many labels as probabilities, and at least one ({probabilities.Length} and {labels.Length}).", nameof(labels));
        }

        var n = probabilities.Length;
        var positives = 0;
        double logLoss = 0, brier = 0;
        for (var i = 0; i < n; i++)
        {
            var p = Math.Clamp(probabilities[i], Epsilon, 1 - Epsilon);
            var y = labels[i] ? 1.0 : 0.0;
            positives += labels[i] ? 1 : 0;
            logLoss -= (y * Math.Log(p)) + ((1 - y) * Math.Log(1 - p));
            brier += (probabilities[i] - y) * (probabilities[i] - y);
        }

        // Rows by descending probability: the order a sales team would work them in.
        var order = Enumerable.Range(0, n).ToArray();
        var descending = new double[n];
        for (var i = 0; i < n; i++)
        {
            descending[i] = -probabilities[i];
        }

        Array.Sort(descending, order);
        var lift = new LiftAt[TopShares.Count];
        for (var i = 0; i < lift.Length; i++)
        {
            lift[i] = LiftAt.Of(TopShares[i], order, labels, positives);
        }

        return new BinaryMetrics(
            n,
            positives,
            Core.Metrics.RocAuc.Compute(probabilities, labels),
            AveragePrecision(order, labels, positives),
            logLoss / n,
            brier / n,
            ExpectedCalibrationError(probabilities, labels),
            lift,
            ThresholdChoice.BestF1(order, probabilities, labels, positives));
    }

    /// <summary>Area under the precision–recall curve as average precision (precision at each positive, averaged).</summary>
    private static double AveragePrecision(int[] order, ReadOnlySpan<bool> labels, int positives)
    {
        if (positives == 0)
        {
            return double.NaN;
        }

        double sum = 0;
        var hits = 0;
        for (var rank = 0; rank < order.Length; rank++)
        {
            if (labels[order[rank]])
            {
                hits++;
                sum += (double)hits / (rank + 1);
            }
        }

        return sum / positives;
    }

    /// <summary>Mean |predicted − observed| over ten equal-width probability bins, weighted by bin size.</summary>
    private static double ExpectedCalibrationError(ReadOnlySpan<double> probabilities, ReadOnlySpan<bool> labels)
    {
        Span<double> predicted = stackalloc double[CalibrationBins];
        Span<double> observed = stackalloc double[CalibrationBins];
        Span<int> counts = stackalloc int[CalibrationBins];
        for (var i = 0; i < probabilities.Length; i++)
        {
            var bin = Math.Min(CalibrationBins - 1, (int)(Math.Clamp(probabilities[i], 0, 1) * CalibrationBins));
            predicted[bin] += probabilities[i];
            observed[bin] += labels[i] ? 1 : 0;
            counts[bin]++;
        }

        double error = 0;
        for (var bin = 0; bin < CalibrationBins; bin++)
        {
            if (counts[bin] > 0)
            {
                error += Math.Abs(predicted[bin] - observed[bin]) / probabilities.Length;
            }
        }

        return error;
    }
}
