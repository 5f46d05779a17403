namespace Leadwise.Learning.Monitoring;

/// <summary>
/// The population stability index between the training distribution of a feature and today's:
/// Σ (actual − expected) · ln(actual / expected) over the bins (missing counted as a bin). Below 0.1 is
/// stable, 0.1–0.2 a moderate shift, above 0.2 a shift worth retraining for (the usual credit-scoring reading).
/// </summary>
public static class PopulationStability
{
    public const double WarnAbove = 0.2;

    /// <summary>Empty bins would make the logarithm infinite; a small floor keeps one empty bin from dominating.</summary>
    private const double Floor = 1e-4;

    public static double Index(IReadOnlyList<double> expected, IReadOnlyList<double> actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        if (expected.Count != actual.Count)
        {
            throw new ArgumentException($"Distributions over different bins ({expected.Count} and {actual.Count}).", nameof(actual));
        }

        var psi = 0.0;
        for (var i = 0; i < expected.Count; i++)
        {
            var e = Math.Max(expected[i], Floor);
            var a = Math.Max(actual[i], Floor);
            psi += (a - e) * Math.Log(a / e);
        }

        return psi;
    }

    public static double Index(FeatureBins training, IReadOnlyList<double> currentValues)
    {
        ArgumentNullException.ThrowIfNull(training);
        var (shares, missing) = training.Distribute(currentValues);
        return Index([.. training.Shares, training.MissingShare], [.. shares, missing]);
    }
}
