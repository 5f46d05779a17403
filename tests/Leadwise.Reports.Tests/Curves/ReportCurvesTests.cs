using Leadwise.Core.Metrics;
using Leadwise.Learning.Evaluation;
using Leadwise.Reports.Curves;

namespace Leadwise.Reports.Tests.Curves;

public sealed class ReportCurvesTests
{
    private static (double[] Scores, bool[] Labels) Random(int rows, int seed, bool integerScores)
    {
        var random = new Random(seed);
        var scores = new double[rows];
        var labels = new bool[rows];
        for (var i = 0; i < rows; i++)
        {
            var x = random.NextDouble();
            scores[i] = integerScores ? Math.Round(x * 8) : x;
            labels[i] = random.NextDouble() < 0.1 + (0.5 * x);
        }

        return (scores, labels);
    }

    [Fact]
    public void Roc_OnAHandExample_StepsThroughEveryThreshold()
    {
        // Given: ranked T, F, T, F
        double[] scores = [0.9, 0.8, 0.7, 0.6];
        bool[] labels = [true, false, true, false];

        // When
        var roc = ReportCurves.Roc(scores, labels);

        // Then
        Assert.Equal([new(0, 0), new(0, 0.5), new(0.5, 0.5), new(0.5, 1), new(1, 1)], roc);
        Assert.Equal(0.75, ReportCurves.TrapezoidArea(roc), 12);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AreaUnderRocPoints_EqualsRocAuc_WithAndWithoutTies(bool integerScores)
    {
        var (scores, labels) = Random(2000, seed: 5, integerScores);

        var area = ReportCurves.TrapezoidArea(ReportCurves.Roc(scores, labels));

        Assert.Equal(RocAuc.Compute(scores, labels), area, 12);
        Assert.Equal(BinaryMetrics.Compute(scores.Select(s => s / 8).ToArray(), labels).RocAuc, area, 12);
    }

    [Fact]
    public void TiedScores_MoveTogether_SoAThresholdNeverSplitsThem()
    {
        var roc = ReportCurves.Roc([0.5, 0.5], [true, false]);

        Assert.Equal([new(0, 0), new(1, 1)], roc);
        Assert.Equal(0.5, ReportCurves.TrapezoidArea(roc), 12);
    }

    [Fact]
    public void PrecisionRecall_OnAHandExample_GivesRecallAndPrecisionPerThreshold()
    {
        var pr = ReportCurves.PrecisionRecall([0.9, 0.8, 0.7, 0.6], [true, false, true, false]);

        Assert.Equal([new(0.5, 1), new(0.5, 0.5), new(1, 2.0 / 3), new(1, 0.5)], pr);
        Assert.Equal((1 + (2.0 / 3)) / 2, ReportCurves.AveragePrecision(pr), 12);
    }

    [Fact]
    public void AveragePrecisionOfThePrCurve_EqualsBinaryMetricsPrAuc()
    {
        var (scores, labels) = Random(1500, seed: 6, integerScores: false);

        var ap = ReportCurves.AveragePrecision(ReportCurves.PrecisionRecall(scores, labels));

        Assert.Equal(BinaryMetrics.Compute(scores, labels).PrAuc, ap, 12);
    }

    [Fact]
    public void Gain_AtTheReportedShares_MatchesBinaryMetricsLift()
    {
        var (scores, labels) = Random(1000, seed: 7, integerScores: false);
        var metrics = BinaryMetrics.Compute(scores, labels);

        var gain = ReportCurves.Gain(scores, labels);

        Assert.Equal(new CurvePoint(0, 0), gain[0]);
        Assert.Equal(new CurvePoint(1, 1), gain[^1]);
        foreach (var at in metrics.Lift)
        {
            var point = gain.Single(p => Math.Abs(p.X - at.Share) < 1e-9);
            Assert.Equal(at.Gain, point.Y, 12);
            Assert.Equal(at.Lift, point.Y / point.X, 9);
        }
    }

    [Fact]
    public void Reliability_BinsEveryRow_AndItsGapsAddUpToTheExpectedCalibrationError()
    {
        var (scores, labels) = Random(3000, seed: 8, integerScores: false);
        var probabilities = scores.Select(s => 0.05 + (0.6 * s * s)).ToArray(); // miscalibrated on purpose

        var bins = ReportCurves.Reliability(probabilities, labels);

        Assert.Equal(3000, bins.Sum(b => b.Count));
        Assert.Equal(labels.Count(l => l), bins.Sum(b => b.Converted));
        Assert.All(bins, b => Assert.InRange(b.MeanPredicted, b.Low, b.High));
        Assert.All(bins, b => Assert.InRange(b.ObservedRate, b.ObservedLow, b.ObservedHigh));
        var ece = bins.Sum(b => b.Count * Math.Abs(b.MeanPredicted - b.ObservedRate)) / 3000;
        Assert.Equal(BinaryMetrics.Compute(probabilities, labels).CalibrationError, ece, 12);
        Assert.True(ece > 0.02, $"ECE {ece}");
    }

    [Fact]
    public void Reliability_LeavesEmptyBinsOut()
    {
        var bins = ReportCurves.Reliability([0.05, 0.07, 0.95], [false, true, true]);

        Assert.Equal(2, bins.Count);
        Assert.Equal((0.0, 0.1, 2, 1), (bins[0].Low, bins[0].High, bins[0].Count, bins[0].Converted));
        Assert.Equal((0.9, 1.0, 1, 1), (bins[1].Low, bins[1].High, bins[1].Count, bins[1].Converted));
    }

    [Fact]
    public void Histogram_CountsPerBin_ClampsOutliers_AndGivesShares()
    {
        var bins = ReportCurves.Histogram([0.0, 0.1, 0.26, 0.5, 0.99, 1.0, 7.0, -1.0], low: 0, high: 1, bins: 4);

        Assert.Equal([3, 1, 1, 3], bins.Select(b => b.Count));
        Assert.Equal(0.375, bins[0].Share, 12);
        Assert.Equal((0.75, 1.0), (bins[3].Low, bins[3].High));
    }

    [Fact]
    public void Thin_KeepsTheEnds_AndAtMostTheAskedNumber()
    {
        var points = Enumerable.Range(0, 101).Select(i => new CurvePoint(i, i)).ToList();

        var thin = ReportCurves.Thin(points, 9);

        Assert.Equal(9, thin.Count);
        Assert.Equal(points[0], thin[0]);
        Assert.Equal(points[^1], thin[^1]);
    }

    [Fact]
    public void Curves_RefuseMismatchedLengths()
    {
        var error = Assert.Throws<ArgumentException>(() => ReportCurves.Roc([0.1, 0.2], [true]));

        Assert.Contains("2 scores but 1 labels", error.Message, StringComparison.Ordinal);
    }
}
