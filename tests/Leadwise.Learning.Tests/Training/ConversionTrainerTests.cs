using Leadwise.Learning.Training;

namespace Leadwise.Learning.Tests.Training;

public sealed class ConversionTrainerTests
{
    private static FeatureMatrix Planted(int rows, double baseLogit, int seed)
    {
        var random = new Random(seed);
        var features = new List<float[]>();
        var labels = new List<bool>();
        for (var i = 0; i < rows; i++)
        {
            var x = new[] { (float)random.NextDouble(), (float)random.NextDouble() };
            features.Add(x);
            labels.Add(random.NextDouble() < 1 / (1 + Math.Exp(-((3 * x[0]) - (2 * x[1]) + baseLogit))));
        }

        return new FeatureMatrix(["a", "b"], features, labels);
    }

    [Fact]
    public void Evaluate_ComparesEveryTrainer_ChoosesTheBestAuc_AndCalibrates()
    {
        var data = Planted(2500, baseLogit: -2.5, seed: 1);

        var report = new ConversionTrainer(folds: 5, seed: 0).Evaluate(data);

        Assert.Equal(3, report.Trainers.Count);
        Assert.Equal(report.Trainers.MaxBy(t => t.Metrics.RocAuc)!.Trainer, report.Chosen);
        Assert.All(report.Trainers, t => Assert.InRange(t.Metrics.RocAuc, t.AucLow, t.AucHigh));
        Assert.True(report.CalibratedMetrics.CalibrationError < 0.03, $"ECE {report.CalibratedMetrics.CalibrationError}");
        Assert.Empty(report.Warnings);
    }

    [Fact]
    public void Evaluate_RefusesFewerThanFortyOfAClass_WithAClearMessage()
    {
        var data = Planted(300, baseLogit: -6, seed: 2); // a handful of conversions

        var error = Assert.Throws<NotEnoughDataException>(() => new ConversionTrainer().Evaluate(data));

        Assert.Contains("at least 40 converted", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_WarnsOnSmallData()
    {
        var data = Planted(600, baseLogit: 0, seed: 3);

        var report = new ConversionTrainer().Evaluate(data, [TrainerKind.LogisticRegression]);

        Assert.Contains(report.Warnings, w => w.Contains("Only 600 rows", StringComparison.Ordinal));
    }
}
