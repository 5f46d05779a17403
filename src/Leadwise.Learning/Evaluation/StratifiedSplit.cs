namespace Leadwise.Learning.Evaluation;

/// <summary>
/// A seeded train/hold-out split that keeps the positive share equal in both parts: with reply rates of a
/// few percent, a plain random split can leave the held-out part with too few positives to measure.
/// </summary>
public static class StratifiedSplit
{
    /// <returns>For each row, true when it is held out; about <paramref name="holdOutFraction"/> of each class is.</returns>
    public static bool[] HoldOut(ReadOnlySpan<bool> labels, double holdOutFraction, int seed)
    {
        if (holdOutFraction is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(holdOutFraction), holdOutFraction, "The held-out fraction must lie strictly between 0 and 1.");
        }

        var random = new Random(seed);
        var heldOut = new bool[labels.Length];
        foreach (var positive in new[] { true, false })
        {
            var rows = new List<int>();
            for (var i = 0; i < labels.Length; i++)
            {
                if (labels[i] == positive)
                {
                    rows.Add(i);
                }
            }

            var shuffled = rows.ToArray();
            random.Shuffle(shuffled);
            var count = (int)Math.Round(shuffled.Length * holdOutFraction, MidpointRounding.AwayFromZero);
            for (var k = 0; k < count; k++)
            {
                heldOut[shuffled[k]] = true;
            }
        }

        return heldOut;
    }
}
