namespace Leadwise.Learning.Explanations;

/// <summary>
/// Feature columns that describe one attribute: the one-hot columns of a categorical value (<c>country=Germany</c>,
/// <c>country=(other)</c>) share the name before '=', and are permuted, and reported, together.
/// </summary>
public sealed record FeatureGroup(string Name, IReadOnlyList<int> Columns)
{
    /// <summary>Groups columns by the part of their name before '='; a name without '=' is a group of its own. Groups keep first-seen order.</summary>
    public static IReadOnlyList<FeatureGroup> Of(IReadOnlyList<string> featureNames)
    {
        ArgumentNullException.ThrowIfNull(featureNames);
        var groups = new List<(string Name, List<int> Columns)>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var column = 0; column < featureNames.Count; column++)
        {
            var name = NameOf(featureNames[column]);
            if (!index.TryGetValue(name, out var slot))
            {
                slot = groups.Count;
                index[name] = slot;
                groups.Add((name, []));
            }

            groups[slot].Columns.Add(column);
        }

        return [.. groups.Select(g => new FeatureGroup(g.Name, g.Columns))];
    }

    /// <summary>The group a feature name belongs to: <c>seniority=Manager</c> → <c>seniority</c>.</summary>
    public static string NameOf(string featureName)
    {
        ArgumentNullException.ThrowIfNull(featureName);
        var equals = featureName.IndexOf('=', StringComparison.Ordinal);
        return equals > 0 ? featureName[..equals] : featureName;
    }
}
