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
