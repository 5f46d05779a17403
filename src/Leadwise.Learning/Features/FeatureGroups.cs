namespace Leadwise.Learning.Features;

/// <summary>
/// Feature columns grouped into the attributes a person thinks in: the one-hot columns of one attribute
/// (<c>country=DE</c>, <c>country=AT</c>, …) are one categorical group named <c>country</c>; every other
/// column is a group of its own. A prefix group counts as one-hot only when every row has exactly one of
/// its columns set, so count columns that share a prefix (<c>eventsBefore=visit</c>) stay separate.
/// </summary>
public sealed record FeatureGroup(string Name, IReadOnlyList<int> Columns, bool Categorical)
{
    /// <summary>The value of a categorical group's hot column (after the '='), or the column name.</summary>
    public string Label(IReadOnlyList<string> featureNames, int column)
    {
        ArgumentNullException.ThrowIfNull(featureNames);
        var name = featureNames[column];
        var cut = name.IndexOf('=', StringComparison.Ordinal);
        return Categorical && cut >= 0 ? name[(cut + 1)..] : name;
    }

    /// <summary>The index within the group of a categorical row's hot column, or −1 when none is set.</summary>
    public int HotIndex(ReadOnlySpan<float> row)
    {
        for (var k = 0; k < Columns.Count; k++)
        {
            if (row[Columns[k]] > 0.5f)
            {
                return k;
            }
        }

        return -1;
    }

    /// <summary>
    /// Groups by name alone (the part before '='), without looking at the data: every prefix group is one
    /// group, including count columns such as <c>eventsBefore=…</c>. Used where columns should move together
    /// (permutation importance) rather than be read back as one category. Groups keep first-seen order.
    /// </summary>
    public static IReadOnlyList<FeatureGroup> ByName(IReadOnlyList<string> featureNames)
    {
        ArgumentNullException.ThrowIfNull(featureNames);
        return [.. featureNames
            .Select((name, index) => (Group: NameOf(name), Index: index))
            .GroupBy(c => c.Group, StringComparer.Ordinal)
            .Select(g => new FeatureGroup(g.Key, [.. g.Select(c => c.Index)], Categorical: featureNames[g.First().Index].Contains('=', StringComparison.Ordinal)))];
    }

    /// <summary>The group a feature name belongs to: <c>seniority=Manager</c> → <c>seniority</c>.</summary>
    public static string NameOf(string featureName)
    {
        ArgumentNullException.ThrowIfNull(featureName);
        var equals = featureName.IndexOf('=', StringComparison.Ordinal);
        return equals > 0 ? featureName[..equals] : featureName;
    }

    public static IReadOnlyList<FeatureGroup> Of(IReadOnlyList<string> featureNames, IReadOnlyList<float[]> rows)
    {
        ArgumentNullException.ThrowIfNull(featureNames);
        ArgumentNullException.ThrowIfNull(rows);
        var groups = new List<FeatureGroup>();
        var byPrefix = featureNames
            .Select((name, index) => (Prefix: name.Contains('=', StringComparison.Ordinal) ? name[..name.IndexOf('=', StringComparison.Ordinal)] : null, Index: index))
            .ToList();
        foreach (var prefixGroup in byPrefix.Where(c => c.Prefix is not null).GroupBy(c => c.Prefix!, StringComparer.Ordinal))
        {
            var columns = prefixGroup.Select(c => c.Index).ToArray();
            if (rows.Count > 0 && rows.All(row => IsOneHot(row, columns)))
            {
                groups.Add(new FeatureGroup(prefixGroup.Key, columns, Categorical: true));
            }
            else
            {
                groups.AddRange(columns.Select(c => new FeatureGroup(featureNames[c], [c], Categorical: false)));
            }
        }

        groups.AddRange(byPrefix.Where(c => c.Prefix is null).Select(c => new FeatureGroup(featureNames[c.Index], [c.Index], Categorical: false)));
        return [.. groups.OrderBy(g => g.Columns[0])];
    }

    private static bool IsOneHot(float[] row, int[] columns)
    {
        var hot = 0;
        foreach (var column in columns)
        {
            var value = row[column];
            if (value == 1f)
            {
                hot++;
            }
            else if (value != 0f)
            {
                return false;
            }
        }

        return hot == 1;
    }
}
