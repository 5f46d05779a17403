using Leadwise.Learning.Features;

namespace Leadwise.Learning.Monitoring;

/// <summary>
/// The training data's distribution of every feature group and of the model's probability, saved with a
/// model so that <see cref="Compare"/> can later tell how far today's leads have moved away from it.
/// </summary>
public sealed record DriftBaseline(IReadOnlyList<FeatureBins> Features, FeatureBins Probability)
{
    public static DriftBaseline Fit(IReadOnlyList<FeatureGroup> groups, IReadOnlyList<float[]> rows, IReadOnlyList<double> probabilities)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(rows);
        return new DriftBaseline(
            [.. groups.Select(group => group.Categorical
                ? FeatureBins.Categories(group.Name, Column(group, rows), group.Columns.Count)
                : FeatureBins.Fit(group.Name, Column(group, rows)))],
            FeatureBins.Fit("probability", probabilities));
    }

    /// <summary>The population stability index of each feature group and of the probability, largest first.</summary>
    public DriftReport Compare(IReadOnlyList<FeatureGroup> groups, IReadOnlyList<float[]> rows, IReadOnlyList<double> probabilities)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(rows);
        var byName = Features.ToDictionary(f => f.Name, StringComparer.Ordinal);
        var features = groups
            .Where(group => byName.ContainsKey(group.Name))
            .Select(group => new FeatureDrift(group.Name, PopulationStability.Index(byName[group.Name], Column(group, rows))))
            .OrderByDescending(d => d.Psi)
            .ToList();
        return new DriftReport(rows.Count, PopulationStability.Index(Probability, probabilities), features);
    }

    private static double[] Column(FeatureGroup group, IReadOnlyList<float[]> rows) =>
        group.Categorical
            ? [.. rows.Select(row => group.HotIndex(row) is var hot and >= 0 ? hot : double.NaN)]
            : [.. rows.Select(row => (double)row[group.Columns[0]])];
}

/// <summary>How far one feature group moved: its population stability index.</summary>
public sealed record FeatureDrift(string Feature, double Psi)
{
    public bool Shifted => Psi > PopulationStability.WarnAbove;
}

/// <summary>Drift of the current leads against the training data, per feature group and for the predicted probability.</summary>
public sealed record DriftReport(int Rows, double ProbabilityPsi, IReadOnlyList<FeatureDrift> Features)
{
    public bool ProbabilityShifted => ProbabilityPsi > PopulationStability.WarnAbove;
}
