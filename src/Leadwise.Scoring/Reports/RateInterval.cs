namespace Leadwise.Scoring.Reports;

/// <summary>A 95% (by default) interval for a rate or a difference of rates.</summary>
public readonly record struct RateInterval(double Low, double High)
{
    public const double Z95 = 1.959963984540054;

    /// <summary>Wilson score interval for <paramref name="successes"/> out of <paramref name="trials"/>; (0, 1) when there are none.</summary>
    public static RateInterval Wilson(int successes, int trials, double z = Z95)
    {
        if (trials <= 0)
        {
            return new RateInterval(0, 1);
        }

        var n = (double)trials;
        var p = successes / n;
        var z2 = z * z;
        var denominator = 1 + (z2 / n);
        var center = (p + (z2 / (2 * n))) / denominator;
        var half = z * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n))) / denominator;
        return new RateInterval(Math.Max(0, center - half), Math.Min(1, center + half));
    }

    /// <summary>Newcombe's hybrid score interval (method 10) for p1 − p2 of two independent rates, from their Wilson intervals.</summary>
    public static RateInterval Newcombe(int successes1, int trials1, int successes2, int trials2, double z = Z95)
    {
        var p1 = trials1 > 0 ? (double)successes1 / trials1 : 0;
        var p2 = trials2 > 0 ? (double)successes2 / trials2 : 0;
        var (l1, u1) = Wilson(successes1, trials1, z);
        var (l2, u2) = Wilson(successes2, trials2, z);
        var d = p1 - p2;
        var low = d - Math.Sqrt(((p1 - l1) * (p1 - l1)) + ((u2 - p2) * (u2 - p2)));
        var high = d + Math.Sqrt(((u1 - p1) * (u1 - p1)) + ((p2 - l2) * (p2 - l2)));
        return new RateInterval(low, high);
    }
}
