using System.Globalization;

namespace Leadwise.Learning.Training.Native;

/// <summary>
/// LightGBM's trees read from its model text and evaluated the way ML.NET evaluates the trees it reads from the same
/// text (its LightGBM booster wrapper and regression trees): thresholds as floats, a missing value replaced per split by
/// the threshold (goes left) or the threshold + 1 (goes right) as LightGBM's default direction says, leaf values summed
/// in double over the trees in order, the sum as a float through ML.NET's Platt calibrator of slope −sigmoid. So the
/// probabilities are the ones ML.NET's <c>Probability</c> column gives for the same trees.
/// </summary>
internal sealed class NativeLightGbmModel
{
    private readonly int[] _treeRoots;
    private readonly int[] _treeLeaves;
    private readonly bool[] _treeSplits;
    private readonly int[] _feature;
    private readonly float[] _threshold;
    private readonly float[] _missingValue;
    private readonly int[] _left;
    private readonly int[] _right;
    private readonly double[] _leafValues;

    private NativeLightGbmModel(int[] treeRoots, int[] treeLeaves, bool[] treeSplits, int[] feature, float[] threshold, float[] missingValue, int[] left, int[] right, double[] leafValues, int width)
    {
        _treeRoots = treeRoots;
        _treeLeaves = treeLeaves;
        _treeSplits = treeSplits;
        _feature = feature;
        _threshold = threshold;
        _missingValue = missingValue;
        _left = left;
        _right = right;
        _leafValues = leafValues;
        Width = width;
    }

    public int Width { get; }

    /// <summary>Reads LightGBM's model text (<c>LGBM_BoosterSaveModelToString</c>) of a binary model on numeric features.</summary>
    /// <exception cref="FormatException">The text holds no tree, or a categorical split (Leadwise never asks LightGBM for those).</exception>
    public static NativeLightGbmModel Parse(string modelText, int width)
    {
        ArgumentNullException.ThrowIfNull(modelText);
        List<int> roots = [], leafStarts = [], feature = [], left = [], right = [];
        List<bool> splits = [];
        List<float> threshold = [], missing = [];
        List<double> leaves = [];
        var lines = modelText.Split('\n');
        for (var i = 0; i < lines.Length;)
        {
            if (!lines[i].StartsWith("Tree=", StringComparison.Ordinal))
            {
                i++;
                continue;
            }

            var tree = new Dictionary<string, string>(StringComparer.Ordinal);
            for (i++; i < lines.Length && !lines[i].StartsWith("Tree=", StringComparison.Ordinal) && lines[i].Trim().Length != 0; i++)
            {
                var separator = lines[i].IndexOf('=', StringComparison.Ordinal);
                tree[lines[i][..separator].Trim()] = lines[i][(separator + 1)..].Trim();
            }

            var leafCount = int.Parse(tree["num_leaves"], CultureInfo.InvariantCulture);
            if (int.Parse(tree["num_cat"], CultureInfo.InvariantCulture) != 0)
            {
                throw new FormatException("LightGBM's model has a categorical split; only numeric splits are read.");
            }

            roots.Add(feature.Count);
            leafStarts.Add(leaves.Count);
            var values = Numbers(tree["leaf_value"]);
            splits.Add(leafCount > 1);
            if (leafCount == 1)
            {
                // A single-leaf tree (no split found) adds its one value, as ML.NET's two equal leaves do.
                leaves.Add(values[0]);
                continue;
            }

            var thresholds = Numbers(tree["threshold"]);
            var decisions = tree["decision_type"].Split(' ').Select(d => uint.Parse(d, CultureInfo.InvariantCulture)).ToArray();
            var nodeOffset = feature.Count;
            for (var node = 0; node < leafCount - 1; node++)
            {
                threshold.Add((float)thresholds[node]);
                var hasMissing = ((decisions[node] >> 2) & 3) > 0;
                var defaultLeft = (decisions[node] & 2) > 0;
                missing.Add(!hasMissing ? 0f : defaultLeft ? (float)thresholds[node] : (float)(thresholds[node] + 1));
            }

            feature.AddRange(Integers(tree["split_feature"]));
            left.AddRange(Integers(tree["left_child"]).Select(c => c >= 0 ? c + nodeOffset : c));
            right.AddRange(Integers(tree["right_child"]).Select(c => c >= 0 ? c + nodeOffset : c));
            leaves.AddRange(values);
        }

        if (roots.Count == 0)
        {
            throw new FormatException("LightGBM's model text holds no tree.");
        }

        return new NativeLightGbmModel([.. roots], [.. leafStarts], [.. splits], [.. feature], [.. threshold], [.. missing], [.. left], [.. right], [.. leaves], width);
    }

    /// <summary>The probability of the positive class for one row of <see cref="Width"/> features (NaN = missing).</summary>
    public float Probability(ReadOnlySpan<float> row)
    {
        if (row.Length != Width)
        {
            throw new ArgumentException($"The row has {row.Length} features; the model reads {Width}.", nameof(row));
        }

        var score = 0.0;
        for (var t = 0; t < _treeRoots.Length; t++)
        {
            var leafStart = _treeLeaves[t];
            var node = _treeRoots[t];
            if (!_treeSplits[t])
            {
                score += _leafValues[leafStart];
                continue;
            }

            while (true)
            {
                var value = row[_feature[node]];
                if (float.IsNaN(value))
                {
                    value = _missingValue[node];
                }

                var next = value <= _threshold[node] ? _left[node] : _right[node];
                if (next < 0)
                {
                    score += _leafValues[leafStart + ~next];
                    break;
                }

                node = next;
            }
        }

        return (float)(1 / (1 + Math.Exp((-LightGbmSettings.Sigmoid * (float)score) + 0)));
    }

    private static double[] Numbers(string text) => [.. text.Split(' ').Select(Number)];

    private static double Number(string token)
    {
        var trimmed = token.Trim().ToLowerInvariant();
        return trimmed.Contains("-inf", StringComparison.Ordinal) ? double.NegativeInfinity
            : trimmed.Contains("inf", StringComparison.Ordinal) ? double.PositiveInfinity
            : trimmed.Contains("nan", StringComparison.Ordinal) ? double.NaN
            : double.Parse(trimmed, CultureInfo.InvariantCulture);
    }

    private static int[] Integers(string text) => [.. text.Split(' ').Select(t => int.Parse(t, CultureInfo.InvariantCulture))];
}
