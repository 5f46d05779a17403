namespace Leadwise.Learning.Monitoring;

/// <summary>
/// How one feature (or the score) was distributed in the training data: bin upper edges and the share
/// of rows in each bin, plus the share missing. Features with few distinct values (one-hot columns,
/// counts) get one bin per value, others deciles.
/// </summary>
public sealed record FeatureBins(string Name, IReadOnlyList<double> UpperEdges, IReadOnlyList<double> Shares, double MissingShare)
{
    private const int Deciles = 10;

    public static FeatureBins Fit(string name, IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var present = values.Where(v => !double.IsNaN(v)).OrderBy(v => v).ToArray();
        var distinct = present.Distinct().ToArray();
        double[] edges;
        if (distinct.Length <= Deciles)
        {
            edges = distinct;
        }
        else
        {
            edges = [.. Enumerable.Range(1, Deciles - 1).Select(k => present[(int)((long)k * present.Length / Deciles)]).Distinct(), double.PositiveInfinity];
        }

        if (edges.Length == 0)
        {
            edges = [double.PositiveInfinity];
        }
        else
        {
            edges[^1] = double.PositiveInfinity;
        }

        var bins = new FeatureBins(name, edges, [], 0);
        var (shares, missing) = bins.Distribute(values);
        return bins with { Shares = shares, MissingShare = missing };
    }

    /// <summary>One bin per category index 0..count−1 (a one-hot group's columns), whatever training saw.</summary>
    public static FeatureBins Categories(string name, IReadOnlyList<double> categoryIndexes, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var bins = new FeatureBins(name, [.. Enumerable.Range(0, count - 1).Select(i => (double)i), double.PositiveInfinity], [], 0);
        var (shares, missing) = bins.Distribute(categoryIndexes);
        return bins with { Shares = shares, MissingShare = missing };
    }

    /// <summary>The share of <paramref name="values"/> in each of these bins, and the share missing.</summary>
    public (double[] Shares, double Missing) Distribute(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var counts = new double[UpperEdges.Count];
        var missing = 0;
        foreach (var value in values)
        {
            if (double.IsNaN(value))
            {
                missing++;
                continue;
            }

            var bin = 0;
            while (bin < UpperEdges.Count - 1 && value > UpperEdges[bin])
            {
                bin++;
            }

            counts[bin]++;
        }

        var total = Math.Max(1, values.Count);
        return ([.. counts.Select(c => c / total)], (double)missing / total);
    }
}
