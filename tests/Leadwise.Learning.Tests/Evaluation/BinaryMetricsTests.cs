using Leadwise.Learning.Evaluation;

namespace Leadwise.Learning.Tests.Evaluation;

public sealed class BinaryMetricsTests
{
    // Worked by hand: positives at 0.9 and 0.3, negatives at 0.8 and 0.2.
    private static readonly double[] Probabilities = [0.9, 0.8, 0.3, 0.2];
    private static readonly bool[] Labels = [true, false, true, false];

    [Fact]
    public void Compute_MatchesAHandWorkedExample()
    {
        var metrics = BinaryMetrics.Compute(Probabilities, Labels);

        Assert.Equal(4, metrics.Rows);
        Assert.Equal(2, metrics.Positives);
        Assert.Equal(0.75, metrics.RocAuc, precision: 12);
        Assert.Equal((1 + (2.0 / 3)) / 2, metrics.PrAuc, precision: 12);
        Assert.Equal(-(Math.Log(0.9) + Math.Log(0.2) + Math.Log(0.3) + Math.Log(0.8)) / 4, metrics.LogLoss, precision: 12);
        Assert.Equal(1.18 / 4, metrics.Brier, precision: 12);
        Assert.Equal((0.1 + 0.8 + 0.7 + 0.2) / 4, metrics.CalibrationError, precision: 12);
    }

    [Fact]
    public void Lift_TheTopShareConvertsTwiceAsOftenAsTheBaseRate()
    {
        var metrics = BinaryMetrics.Compute(Probabilities, Labels);

        var top = metrics.Lift[0];
        Assert.Equal(0.05, top.Share);
        Assert.Equal(2.0, top.Lift, precision: 12);
        Assert.Equal(0.5, top.Gain, precision: 12);
    }

    [Fact]
    public void BestF1_CutsBetweenDistinctProbabilities_AndReportsItsConfusionMatrix()
    {
        var best = BinaryMetrics.Compute(Probabilities, Labels).BestF1;

        Assert.Equal(new ThresholdChoice(0.3, 0.8, TruePositives: 2, FalsePositives: 1, FalseNegatives: 0, TrueNegatives: 1), best with { F1 = Math.Round(best.F1, 12) });
    }

    [Fact]
    public void PerfectlyCalibratedProbabilities_HaveNoCalibrationError()
    {
        // Given: in each bin the share of positives equals the predicted probability
        var probabilities = Enumerable.Repeat(0.25, 8).Concat(Enumerable.Repeat(0.75, 4)).ToArray();
        var labels = new[] { true, true, false, false, false, false, false, false, true, true, true, false };

        Assert.Equal(0, BinaryMetrics.Compute(probabilities, labels).CalibrationError, precision: 12);
    }

    [Fact]
    public void MismatchedOrEmptyInputs_AreRejected()
    {
        Assert.Throws<ArgumentException>(() => BinaryMetrics.Compute([0.5], [true, false]));
        Assert.Throws<ArgumentException>(() => BinaryMetrics.Compute([], []));
    }
}
