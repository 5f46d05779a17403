namespace Leadwise.Learning.Evaluation;

/// <summary>
/// Assigns rows to k cross-validation folds so every fold holds (within one row) the same share of
/// positives — with conversion rates of a few percent, an unstratified fold can end up with almost
/// none. Rows are shuffled with the seed first, so exports ordered by date do not put one period
/// in one fold; the same seed always gives the same folds.
/// </summary>
public static class StratifiedFolds
{
    /// <returns>For each row, its fold in 0..k−1.</returns>
    public static int[] Assign(ReadOnlySpan<bool> labels, int folds, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        var random = new Random(seed);
        var positives = new List<int>();
        var negatives = new List<int>();
        for (var i = 0; i < labels.Length; i++)
        {
            (labels[i] ? positives : negatives).Add(i);
        }

        var assignment = new int[labels.Length];
        var next = 0;
        foreach (var group in new[] { positives, negatives })
        {
            var rows = group.ToArray();
            random.Shuffle(rows);
            foreach (var row in rows)
            {
                // Continue the round-robin across both classes so fold sizes stay within one row.
                assignment[row] = next;
                next = (next + 1) % folds;
            }
        }

        return assignment;
    }
}
