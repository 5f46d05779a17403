namespace Leadwise.Learning.Evaluation;

/// <summary>The probability threshold with the best F1 on the evaluated rows, and its confusion matrix.</summary>
public sealed record ThresholdChoice(double Threshold, double F1, int TruePositives, int FalsePositives, int FalseNegatives, int TrueNegatives)
{
    /// <summary>Scans every distinct probability as a cut (predict positive when p ≥ threshold).</summary>
    internal static ThresholdChoice BestF1(int[] order, ReadOnlySpan<double> probabilities, ReadOnlySpan<bool> labels, int positives)
    {
        var n = order.Length;
        var best = new ThresholdChoice(1.0, 0, 0, 0, positives, n - positives);
        var truePositives = 0;
        for (var rank = 0; rank < n; rank++)
        {
            truePositives += labels[order[rank]] ? 1 : 0;
            var threshold = probabilities[order[rank]];
            if (rank + 1 < n && probabilities[order[rank + 1]].Equals(threshold))
            {
                continue; // a cut cannot split tied probabilities
            }

            var predicted = rank + 1;
            var f1 = positives == 0 ? 0 : 2.0 * truePositives / (predicted + positives);
            if (f1 > best.F1)
            {
                var falsePositives = predicted - truePositives;
                best = new ThresholdChoice(threshold, f1, truePositives, falsePositives, positives - truePositives, n - predicted - (positives - truePositives));
            }
        }

        return best;
    }
}
