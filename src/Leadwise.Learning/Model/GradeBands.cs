using System.Globalization;

namespace Leadwise.Learning.Model;

/// <summary>
/// Probability bands for the grades: A at or above <see cref="A"/>, B at or above <see cref="B"/>, C at or
/// above <see cref="C"/>, D below. By default they are set at training so that the top 10% of the held-out
/// predictions are A, the next 20% B and the next 30% C: a grade then means the same share of leads
/// whatever the base rate, which is how sales teams use it.
/// </summary>
public sealed record GradeBands(double A, double B, double C)
{
    public static readonly IReadOnlyList<double> DefaultTopShares = [0.10, 0.30, 0.60];

    public string Grade(double probability) =>
        probability >= A ? "A" : probability >= B ? "B" : probability >= C ? "C" : "D";

    public static GradeBands FromShares(IReadOnlyList<double> probabilities)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        if (probabilities.Count == 0)
        {
            throw new ArgumentException("Grade bands need at least one probability.", nameof(probabilities));
        }

        var sorted = probabilities.OrderByDescending(p => p).ToArray();
        double At(double share) => sorted[Math.Clamp((int)Math.Ceiling(share * sorted.Length) - 1, 0, sorted.Length - 1)];
        return Checked(At(DefaultTopShares[0]), At(DefaultTopShares[1]), At(DefaultTopShares[2]));
    }

    /// <summary>Parses "0.4,0.25,0.1" (A, B, C lower bounds, descending, each in (0, 1)).</summary>
    public static GradeBands Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != 3 || !parts.All(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
        {
            throw new FormatException($"Grade bands are three probabilities for A, B and C, e.g. 0.4,0.25,0.1; got '{text}'.");
        }

        var values = parts.Select(p => double.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        if (values.Any(v => v is <= 0 or >= 1) || !(values[0] > values[1] && values[1] > values[2]))
        {
            throw new FormatException($"Grade bands must be between 0 and 1 and strictly descending (A > B > C); got '{text}'.");
        }

        return new GradeBands(values[0], values[1], values[2]);
    }

    /// <summary>Ties at the top (few distinct probabilities) would collapse bands; keep them ordered so every grade stays reachable.</summary>
    private static GradeBands Checked(double a, double b, double c)
    {
        b = Math.Min(b, Math.BitDecrement(a));
        c = Math.Min(c, Math.BitDecrement(b));
        return new GradeBands(a, b, c);
    }
}
