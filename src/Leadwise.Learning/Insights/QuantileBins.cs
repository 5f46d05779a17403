using System.Globalization;

namespace Leadwise.Learning.Insights;

/// <summary>
/// Cut points that split numbers into about equally full bins. Bin k holds values v with cuts[k−1] ≤ v &lt; cuts[k],
/// so a bin is "at least this" — the form a points rule's <c>range: {min: …}</c> and an event <c>count: {min: …}</c> take.
/// </summary>
internal static class QuantileBins
{
    /// <summary>Distinct interior quantiles of <paramref name="values"/> (NaN ignored); fewer than bins − 1 when values repeat.</summary>
    public static double[] Cuts(IEnumerable<double> values, int bins)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).Order().ToArray();
        if (sorted.Length == 0 || bins < 2)
        {
            return [];
        }

        var cuts = new SortedSet<double>();
        for (var k = 1; k < bins; k++)
        {
            var cut = sorted[(int)((long)k * sorted.Length / bins)];
            // A cut at the minimum would leave the first bin empty.
            if (cut > sorted[0])
            {
                cuts.Add(cut);
            }
        }

        return [.. cuts];
    }

    /// <summary>The bin of <paramref name="value"/>: how many cuts are ≤ it.</summary>
    public static int Bin(double value, IReadOnlyList<double> cuts)
    {
        var bin = 0;
        while (bin < cuts.Count && value >= cuts[bin])
        {
            bin++;
        }

        return bin;
    }

    public static string Label(int bin, IReadOnlyList<double> cuts) => cuts.Count == 0
        ? "all"
        : bin == 0
            ? "< " + Format(cuts[0])
            : bin == cuts.Count
                ? "≥ " + Format(cuts[^1])
                : Format(cuts[bin - 1]) + " to < " + Format(cuts[bin]);

    public static string Format(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>The value in a form that parses back to the same double, for a rule's bound.</summary>
    public static string Exact(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
