using Leadwise.Core.Metrics;
using Leadwise.Learning.Evaluation;

namespace Leadwise.Learning.Tests.Evaluation;

public sealed class MetricIntervalsTests
{
    private static (double[] Probabilities, bool[] Labels) Predictions(int n, int seed)
    {
        var random = new Random(seed);
        var probabilities = new double[n];
        var labels = new bool[n];
        for (var i = 0; i < n; i++)
        {
            probabilities[i] = random.NextDouble();
            labels[i] = random.NextDouble() < probabilities[i] * 0.5;
        }

        return (probabilities, labels);
    }

    [Fact]
    public void Compute_EveryIntervalHoldsItsPointEstimate_AndTheAucOneMatchesBootstrapInterval()
    {
        // Given
        var (probabilities, labels) = Predictions(2000, seed: 4);
        var point = BinaryMetrics.Compute(probabilities, labels);

        // When
        var intervals = MetricIntervals.Compute(probabilities, labels, resamples: 200, seed: 7);

        // Then
        Assert.InRange(point.RocAuc, intervals.RocAuc.Low, intervals.RocAuc.High);
        Assert.InRange(point.PrAuc, intervals.PrAuc.Low, intervals.PrAuc.High);
        Assert.InRange(point.LogLoss, intervals.LogLoss.Low, intervals.LogLoss.High);
        Assert.InRange(point.Brier, intervals.Brier.Low, intervals.Brier.High);
        Assert.InRange(point.Lift[1].Lift, intervals.LiftAt10.Low, intervals.LiftAt10.High);
        Assert.True(intervals.CalibrationError.High > intervals.CalibrationError.Low);
        Assert.True(intervals.RocAuc.High - intervals.RocAuc.Low is > 0.01 and < 0.1, $"{intervals.RocAuc}");
        Assert.Equal(Bootstrap.Interval(probabilities, labels, RocAuc.Compute, resamples: 200, seed: 7), (intervals.RocAuc.Low, intervals.RocAuc.High));
    }

    [Fact]
    public void Compute_MoreRows_NarrowerIntervals()
    {
        var (fewP, fewL) = Predictions(300, seed: 1);
        var (manyP, manyL) = Predictions(5000, seed: 1);

        var few = MetricIntervals.Compute(fewP, fewL);
        var many = MetricIntervals.Compute(manyP, manyL);

        Assert.True(many.Brier.High - many.Brier.Low < few.Brier.High - few.Brier.Low);
        Assert.True(many.RocAuc.High - many.RocAuc.Low < few.RocAuc.High - few.RocAuc.Low);
    }
}
