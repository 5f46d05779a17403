using Leadwise.Learning.Features;
using Leadwise.Core.Metrics;
using Leadwise.Learning.Evaluation;
using Leadwise.Learning.Training;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Leadwise.Learning.Explanations;

/// <summary>
/// Global permutation feature importance: how much a model's held-out ROC AUC drops when one feature group's
/// values are shuffled between held-out rows, breaking the group's link to the label while keeping its
/// distribution. The columns of a group (<see cref="FeatureGroup"/>) move together, so a one-hot attribute is
/// judged as one attribute and its columns stay a valid one-hot row. Measured on rows the model never saw, so
/// a feature the model merely memorised scores about 0. Seeded: the same seed gives the same split, model and shuffles.
/// </summary>
/// <param name="repeats">Shuffles per group; the spread between them is the reported standard deviation.</param>
/// <param name="holdOutFraction">The share of rows (per class) held out for <see cref="Compute"/>.</param>
/// <param name="seed">Seeds the split, the trainer and the shuffles.</param>
public sealed class PermutationImportance(int repeats = 5, double holdOutFraction = 0.3, int seed = 0)
{
    /// <summary>Fits <paramref name="kind"/> on a stratified training part of <paramref name="data"/> and measures importance on the rest.</summary>
    public PermutationImportanceResult Compute(FeatureMatrix data, TrainerKind kind, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        var heldOut = StratifiedSplit.HoldOut([.. data.Labels], holdOutFraction, seed);
        data = data.FittedOn([.. Enumerable.Range(0, data.Rows.Count).Where(i => !heldOut[i])]);
        var ml = new MLContext(seed: seed);
        var width = data.FeatureNames.Count;
        var model = Trainers.Fit(ml, kind, TrainingData.Load(ml, data.Select(i => !heldOut[i]), width));
        var testRows = Enumerable.Range(0, data.Rows.Count).Where(i => heldOut[i]).ToArray();
        var test = new FeatureMatrix(data.FeatureNames, [.. testRows.Select(i => data.Rows[i])], [.. testRows.Select(i => data.Labels[i])]);

        double[] Score(IReadOnlyList<float[]> rows)
        {
            var view = model.Transform(TrainingData.Load(ml, rows.Select(r => new BinaryRow { Features = r }), width));
            return [.. view.GetColumn<float>("Score").Select(s => (double)s)];
        }

        var measured = Measure(test, Score, cancellationToken);
        return measured with { Trainer = kind, TrainingRows = data.Rows.Count - testRows.Length };
    }

    /// <summary>
    /// Importance for any fitted model: <paramref name="score"/> maps feature rows to scores (higher = more likely
    /// to convert), and <paramref name="heldOut"/> must be rows the model was not fitted on.
    /// </summary>
    public PermutationImportanceResult Measure(FeatureMatrix heldOut, Func<IReadOnlyList<float[]>, double[]> score, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(heldOut);
        ArgumentNullException.ThrowIfNull(score);
        ArgumentOutOfRangeException.ThrowIfLessThan(repeats, 1);
        var labels = heldOut.Labels.ToArray();
        var baseline = RocAuc.Compute(score(heldOut.Rows), labels);
        var groups = FeatureGroup.ByName(heldOut.FeatureNames);
        var results = new List<FeatureGroupImportance>(groups.Count);
        for (var g = 0; g < groups.Count; g++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var group = groups[g];
            var drops = new double[repeats];
            for (var r = 0; r < repeats; r++)
            {
                // One stream per (group, repeat), so adding a group leaves the others' shuffles unchanged;
                // explicit arithmetic, not HashCode, whose values change from one process to the next.
                var random = new Random(unchecked((seed * 1_000_003) + (g * 7_919) + r) & int.MaxValue);
                drops[r] = baseline - RocAuc.Compute(score(Shuffled(heldOut.Rows, group.Columns, random)), labels);
            }

            var mean = drops.Average();
            var sd = repeats > 1 ? Math.Sqrt(drops.Sum(d => (d - mean) * (d - mean)) / (repeats - 1)) : 0;
            results.Add(new FeatureGroupImportance(group.Name, [.. group.Columns.Select(c => heldOut.FeatureNames[c])], mean, sd, drops));
        }

        return new PermutationImportanceResult(
            null,
            0,
            labels.Length,
            baseline,
            [.. results.OrderByDescending(r => r.MeanAucDrop).ThenBy(r => r.Group, StringComparer.Ordinal)]);
    }

    private static float[][] Shuffled(IReadOnlyList<float[]> rows, IReadOnlyList<int> columns, Random random)
    {
        var order = Enumerable.Range(0, rows.Count).ToArray();
        random.Shuffle(order);
        var copy = new float[rows.Count][];
        for (var i = 0; i < rows.Count; i++)
        {
            var row = (float[])rows[i].Clone();
            var donor = rows[order[i]];
            foreach (var column in columns)
            {
                row[column] = donor[column];
            }

            copy[i] = row;
        }

        return copy;
    }
}
