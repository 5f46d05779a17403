using Leadwise.Learning.Calibration;
using Leadwise.Learning.Evaluation;

namespace Leadwise.Learning.Tests.Calibration;

public sealed class CalibrationChoiceTests
{
    /// <summary>Labels drawn from true probabilities; the "model" reports them distorted (overconfident and shifted).</summary>
    private static (double[] Raw, bool[] Labels) Skewed(int rows, int seed)
    {
        var random = new Random(seed);
        var raw = new double[rows];
        var labels = new bool[rows];
        for (var i = 0; i < rows; i++)
        {
            var truth = 0.02 + (0.3 * random.NextDouble() * random.NextDouble());
            labels[i] = random.NextDouble() < truth;
            raw[i] = Math.Pow(truth, 0.4); // a monotone distortion: same ranking, badly calibrated
        }

        return (raw, labels);
    }

    [Fact]
    public void Calibration_LowersTheLogLossOfASkewedModel_OnRowsItWasNotFittedOn()
    {
        // Given
        var (raw, labels) = Skewed(6000, seed: 1);
        var (heldOutRaw, heldOutLabels) = Skewed(6000, seed: 2);

        // When
        var choice = CalibrationChoice.Choose(raw, labels, folds: 5, seed: 0);
        var calibrated = choice.Calibrator.Apply(heldOutRaw);

        // Then
        Assert.NotEqual(CalibrationKind.None, choice.Chosen);
        Assert.True(choice.CrossValidatedLogLoss[choice.Chosen] < choice.CrossValidatedLogLoss[CalibrationKind.None]);
        var before = BinaryMetrics.Compute(heldOutRaw, heldOutLabels);
        var after = BinaryMetrics.Compute(calibrated, heldOutLabels);
        Assert.True(after.LogLoss < before.LogLoss - 0.05, $"{before.LogLoss} -> {after.LogLoss}");
        Assert.True(after.CalibrationError < 0.02, $"calibration error {after.CalibrationError}");
        Assert.Equal(before.RocAuc, after.RocAuc, precision: 2); // monotone maps keep the ranking
    }

    [Fact]
    public void AlreadyCalibratedProbabilities_LoseNothingWorthMentioning()
    {
        var random = new Random(5);
        var probabilities = Enumerable.Range(0, 5000).Select(_ => 0.05 + (0.2 * random.NextDouble())).ToArray();
        var labels = probabilities.Select(p => random.NextDouble() < p).ToArray();

        var choice = CalibrationChoice.Choose(probabilities, labels);

        Assert.InRange(choice.CrossValidatedLogLoss[choice.Chosen], 0, choice.CrossValidatedLogLoss[CalibrationKind.None] + 1e-9);
        Assert.True(choice.CrossValidatedLogLoss[choice.Chosen] > choice.CrossValidatedLogLoss[CalibrationKind.None] - 0.005);
    }
}
