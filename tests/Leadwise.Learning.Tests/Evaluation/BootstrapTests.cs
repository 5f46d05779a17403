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

    [Fact]
    public void PairedDifference_AgainstAConstantPrediction_DrawsTheSameRowsAsInterval()
    {
        // Given: a constant first prediction, whose AUC is 0.5 on every resample that holds both classes
        var (probabilities, labels) = Sample(400, seed: 5);
        var constant = new double[probabilities.Length];
        Array.Fill(constant, 0.3);

        // When: the paired difference and the single interval use the same seed
        var difference = Bootstrap.PairedDifference(constant, probabilities, labels, RocAuc.Compute, resamples: 200, seed: 11);
        var single = Bootstrap.Interval(probabilities, labels, RocAuc.Compute, resamples: 200, seed: 11);

        // Then: the difference is the single interval shifted by 0.5, which holds only if both drew the same rows
        Assert.Equal(single.Low - 0.5, difference.Low, 12);
        Assert.Equal(single.High - 0.5, difference.High, 12);
    }

    [Fact]
    public void PairedDifference_IsNarrowerThanEitherInterval_WhenTheTwoPredictionsShareTheirNoise()
    {
        // Given: a second prediction that is the first plus a little of the label (a small real improvement)
        var (first, labels) = Sample(1000, seed: 6);
        var second = first.Select((p, i) => Math.Clamp(p + (labels[i] ? 0.02 : -0.02), 0, 1)).ToArray();

        // When
        var (low, high) = Bootstrap.PairedDifference(first, second, labels, RocAuc.Compute, resamples: 300, seed: 2);
        var firstInterval = Bootstrap.Interval(first, labels, RocAuc.Compute, resamples: 300, seed: 2);

        // Then: the improvement is detected (interval above 0) although the single intervals overlap widely
        Assert.True(low > 0, $"paired interval {low:F4}..{high:F4}");
        Assert.True(high - low < (firstInterval.High - firstInterval.Low) / 3);
        Assert.InRange(RocAuc.Compute(second, labels) - RocAuc.Compute(first, labels), low, high);
    }
}
