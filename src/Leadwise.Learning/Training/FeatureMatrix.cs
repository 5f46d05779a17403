namespace Leadwise.Learning.Training;

/// <summary>
/// Rows of numeric features with their labels, the form every trainer takes. Feature builders (from
/// the store, or from a user's own table) produce it; missing values are NaN.
/// </summary>
public sealed class FeatureMatrix
{
    public FeatureMatrix(IReadOnlyList<string> featureNames, IReadOnlyList<float[]> rows, IReadOnlyList<bool> labels)
    {
        ArgumentNullException.ThrowIfNull(featureNames);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(labels);
        if (rows.Count != labels.Count)
        {
            throw new ArgumentException($"{rows.Count} rows but {labels.Count} labels.", nameof(labels));
        }

        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Length != featureNames.Count)
            {
                throw new ArgumentException($"Row {i} has {rows[i].Length} features; the matrix names {featureNames.Count}.", nameof(rows));
            }
        }

        FeatureNames = featureNames;
        Rows = rows;
        Labels = labels;
    }

    public IReadOnlyList<string> FeatureNames { get; }

    public IReadOnlyList<float[]> Rows { get; }

    public IReadOnlyList<bool> Labels { get; }

    public int Positives => Labels.Count(label => label);

    /// <summary>
    /// Every row again, encoded by an encoder fitted on the given training rows only; null when the columns do not
    /// depend on which rows they were fitted on. Cross-validation, the time split and permutation importance refit per
    /// training set through it, so a title word or an owner seen only in held-out rows never gets a column there.
    /// </summary>
    public Func<IReadOnlyList<int>, FeatureMatrix>? RefitOn { get; init; }

    /// <summary>The matrix a model trained on <paramref name="trainRows"/> reads: refitted on them when the encoder is fitted on rows.</summary>
    public FeatureMatrix FittedOn(IReadOnlyList<int> trainRows)
    {
        ArgumentNullException.ThrowIfNull(trainRows);
        if (RefitOn is null)
        {
            return this;
        }

        var refitted = RefitOn(trainRows);
        if (refitted.Rows.Count != Rows.Count)
        {
            throw new InvalidOperationException($"Refitting on {trainRows.Count} rows returned {refitted.Rows.Count} rows instead of all {Rows.Count}.");
        }

        return refitted;
    }

    internal IEnumerable<BinaryRow> Select(Func<int, bool> include)
    {
        for (var i = 0; i < Rows.Count; i++)
        {
            if (include(i))
            {
                yield return new BinaryRow { Features = Rows[i], Label = Labels[i] };
            }
        }
    }
}
