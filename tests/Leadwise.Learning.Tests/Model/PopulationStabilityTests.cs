using Leadwise.Learning.Monitoring;

namespace Leadwise.Learning.Tests.Model;

public sealed class PopulationStabilityTests
{
    [Fact]
    public void Index_MatchesTheHandWorkedFormula()
    {
        // (0.3−0.5)·ln(0.3/0.5) + (0.7−0.5)·ln(0.7/0.5) = 0.10217 + 0.06729
        Assert.Equal(0.16946, PopulationStability.Index([0.5, 0.5], [0.3, 0.7]), precision: 5);
        Assert.Equal(0, PopulationStability.Index([0.2, 0.8], [0.2, 0.8]));
    }

    [Fact]
    public void Bins_OfANumericFeature_AreDeciles_AndMissingIsItsOwnBin()
    {
        var values = Enumerable.Range(0, 1000).Select(i => i % 10 == 0 ? double.NaN : i).ToList();
        var bins = FeatureBins.Fit("x", values);

        Assert.Equal(10, bins.UpperEdges.Count);
        Assert.Equal(0.1, bins.MissingShare, precision: 9);
        Assert.All(bins.Shares, share => Assert.InRange(share, 0.08, 0.1));
        Assert.True(PopulationStability.Index(bins, [.. values.Where(v => double.IsNaN(v) || v > 500)]) > 0.2);
    }
}
