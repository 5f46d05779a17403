using Leadwise.Core.Metrics;
using Leadwise.Learning.Evaluation;

namespace Leadwise.Learning.Tests.Evaluation;

public sealed class BootstrapTests
{
    private static (double[] Probabilities, bool[] Labels) Sample(int rows, int seed)
    {
        var random = new Random(seed);
        var probabilities = Enumerable.Range(0, rows).Select(_ => random.NextDouble()).ToArray();
        var labels = probabilities.Select(p => random.NextDouble() < p).ToArray();
        return (probabilities, labels);
    }

    [Fact]
    public void Interval_ContainsThePointEstimate_AndNarrowsWithMoreRows()
    {
        var (small, smallLabels) = Sample(300, seed: 1);
        var (large, largeLabels) = Sample(5000, seed: 1);

        var smallInterval = Bootstrap.Interval(small, smallLabels, RocAuc.Compute, resamples: 300, seed: 3);
        var largeInterval = Bootstrap.Interval(large, largeLabels, RocAuc.Compute, resamples: 300, seed: 3);

        var estimate = RocAuc.Compute(large, largeLabels);
        Assert.InRange(estimate, largeInterval.Low, largeInterval.High);
        Assert.True(largeInterval.High - largeInterval.Low < smallInterval.High - smallInterval.Low);
    }

    [Fact]
    public void Interval_IsReproducibleForASeed()
    {
        var (probabilities, labels) = Sample(500, seed: 4);

        Assert.Equal(
            Bootstrap.Interval(probabilities, labels, RocAuc.Compute, resamples: 200, seed: 9),
            Bootstrap.Interval(probabilities, labels, RocAuc.Compute, resamples: 200, seed: 9));
    }

    [Fact]
    public void CoversTheTrueAuc_AboutAsOftenAsItSays()
    {
        // Given: the true AUC of this generating process, from a very large sample
        var (truthP, truthL) = Sample(200_000, seed: 100);
        var truth = RocAuc.Compute(truthP, truthL);

        // When: 40 independent samples each get a 95% interval
        var covered = Enumerable.Range(0, 40).Count(s =>
        {
            var (p, l) = Sample(400, seed: 1000 + s);
            var (low, high) = Bootstrap.Interval(p, l, RocAuc.Compute, resamples: 200, seed: s);
            return truth >= low && truth <= high;
        });

        // Then: about 38 of 40; allow sampling noise
        Assert.InRange(covered, 33, 40);
    }
}
