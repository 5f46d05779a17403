namespace Leadwise.Core.Metrics;

/// <summary>
/// The area under the ROC curve: the probability that a random positive scores above a random
/// negative, ties counting half (the Mann–Whitney U statistic over both class sizes). 0.5 is a
/// ranking no better than chance.
/// </summary>
public static class RocAuc
{
    /// <returns>The AUC, or NaN when either class is empty.</returns>
    public static double Compute(ReadOnlySpan<double> scores, ReadOnlySpan<bool> labels)
    {
        if (scores.Length != labels.Length)
        {
            throw new ArgumentException($"{scores.Length} scores but {labels.Length} labels.", nameof(labels));
        }

        var order = new int[scores.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        var keys = scores.ToArray();
        Array.Sort(keys, order);

        // Sum the (1-based, tie-averaged) ranks of the positives.
        double positiveRankSum = 0;
        long positives = 0;
        var start = 0;
        while (start < keys.Length)
        {
            var end = start;
            while (end + 1 < keys.Length && keys[end + 1].Equals(keys[start]))
            {
                end++;
            }

            var averageRank = ((start + 1) + (end + 1)) / 2.0;
            for (var k = start; k <= end; k++)
            {
                if (labels[order[k]])
                {
                    positiveRankSum += averageRank;
                    positives++;
                }
            }

            start = end + 1;
        }

        var negatives = (long)keys.Length - positives;
        if (positives == 0 || negatives == 0)
        {
            return double.NaN;
        }

        return (positiveRankSum - (positives * (positives + 1) / 2.0)) / ((double)positives * negatives);
    }
}
