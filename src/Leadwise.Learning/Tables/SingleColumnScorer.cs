using System.Globalization;
using Leadwise.Core.Metrics;

namespace Leadwise.Learning.Tables;

/// <summary>Cross-validated AUC of one column used alone as a score.</summary>
internal static class SingleColumnScorer
{
    /// <summary>
    /// Scores each validation row by its own value (dates by their instant); missing values take the
    /// training folds' median. Returns max(m, 1 − m) of the mean fold AUC m, so direction does not matter.
    /// </summary>
    public static double NumericAuc(IReadOnlyList<string> cells, int[] rows, bool[] labels, int[] folds, LeakageOptions options)
    {
        var values = new double[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            var cell = cells[rows[i]];
            values[i] = options.Roles.IsMissing(cell) ? double.NaN
                : ColumnRoleInference.TryParseNumber(cell, out var x) ? x
                : DateTimeOffset.TryParse(cell, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d) ? d.UtcTicks
                : double.NaN;
        }

        return FoldMean(labels, folds, options.Folds, (fold, scores) =>
        {
            var training = Enumerable.Range(0, values.Length).Where(i => folds[i] != fold && !double.IsNaN(values[i])).Select(i => values[i]).ToArray();
            var fill = training.Length == 0 ? 0 : Median(training);
            var k = 0;
            for (var i = 0; i < values.Length; i++)
            {
                if (folds[i] == fold)
                {
                    scores[k++] = double.IsNaN(values[i]) ? fill : values[i];
                }
            }
        }, directionFree: true);
    }

    /// <summary>
    /// Scores each validation row by the positive rate of its value in the training folds (missing is a
    /// value of its own); values unseen in training get the training base rate.
    /// </summary>
    public static double CategoricalAuc(IReadOnlyList<string> cells, int[] rows, bool[] labels, int[] folds, LeakageOptions options)
    {
        var keys = new string[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            var cell = cells[rows[i]];
            keys[i] = options.Roles.IsMissing(cell) ? string.Empty : cell.Trim();
        }

        return FoldMean(labels, folds, options.Folds, (fold, scores) =>
        {
            var counts = new Dictionary<string, (int Positives, int Total)>(StringComparer.Ordinal);
            int positives = 0, total = 0;
            for (var i = 0; i < keys.Length; i++)
            {
                if (folds[i] != fold)
                {
                    var p = labels[i] ? 1 : 0;
                    counts[keys[i]] = counts.TryGetValue(keys[i], out var c) ? (c.Positives + p, c.Total + 1) : (p, 1);
                    positives += p;
                    total++;
                }
            }

            var baseRate = total == 0 ? 0 : (double)positives / total;
            var k = 0;
            for (var i = 0; i < keys.Length; i++)
            {
                if (folds[i] == fold)
                {
                    scores[k++] = counts.TryGetValue(keys[i], out var c) ? (double)c.Positives / c.Total : baseRate;
                }
            }
        }, directionFree: false);
    }

    private static double FoldMean(bool[] labels, int[] folds, int foldCount, Action<int, double[]> score, bool directionFree)
    {
        var sum = 0.0;
        var scored = 0;
        for (var fold = 0; fold < foldCount; fold++)
        {
            var validation = Enumerable.Range(0, labels.Length).Where(i => folds[i] == fold).Select(i => labels[i]).ToArray();
            var scores = new double[validation.Length];
            score(fold, scores);
            var auc = RocAuc.Compute(scores, validation);
            if (!double.IsNaN(auc))
            {
                sum += auc;
                scored++;
            }
        }

        var mean = scored == 0 ? double.NaN : sum / scored;
        return directionFree ? Math.Max(mean, 1 - mean) : mean;
    }

    private static double Median(double[] values)
    {
        Array.Sort(values);
        var mid = values.Length / 2;
        return values.Length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }
}
