using Leadwise.Core.Metrics;
using Leadwise.Learning.Training;

namespace Leadwise.Learning.Tests.Training;

public sealed class CrossValidationTests
{
    /// <summary>Two informative features, one noise feature with missing values; true probabilities returned too.</summary>
    private static (FeatureMatrix Data, double[] Truth) Planted(int rows, int seed)
    {
        var random = new Random(seed);
        var features = new List<float[]>();
        var labels = new List<bool>();
        var truth = new double[rows];
        for (var i = 0; i < rows; i++)
        {
            var x = new[] { (float)random.NextDouble(), (float)random.NextDouble(), random.NextDouble() < 0.1 ? float.NaN : (float)random.NextDouble() };
            truth[i] = 1 / (1 + Math.Exp(-((4 * x[0]) - (3 * x[1]) - 2)));
            features.Add(x);
            labels.Add(random.NextDouble() < truth[i]);
        }

        return (new FeatureMatrix(["a", "b", "noise"], features, labels), truth);
    }

    [Theory]
    [InlineData(TrainerKind.LightGbm)]
    [InlineData(TrainerKind.FastTree)]
    [InlineData(TrainerKind.LogisticRegression)]
    public void OutOfFoldAuc_ComesCloseToTheAucOfTheTrueProbabilities(TrainerKind kind)
    {
        var (data, truth) = Planted(3000, seed: 11);

        var result = new CrossValidation(folds: 5, seed: 1).Run(data, kind);

        var trueAuc = RocAuc.Compute(truth, data.Labels.ToArray());
        Assert.Equal(3000, result.OutOfFold.Count);
        Assert.InRange(result.Metrics.RocAuc, 0.95 * trueAuc, trueAuc + 0.02);
    }

    [Fact]
    public void TheSameSeed_GivesTheSameMetricsTwice()
    {
        var (data, _) = Planted(1500, seed: 12);

        var first = new CrossValidation(folds: 5, seed: 3).Run(data, TrainerKind.LightGbm);
        var second = new CrossValidation(folds: 5, seed: 3).Run(data, TrainerKind.LightGbm);

        Assert.Equal(first.OutOfFold, second.OutOfFold);
        Assert.Equal(first.Metrics.RocAuc, second.Metrics.RocAuc);
    }

    [Theory]
    [InlineData(TrainerKind.LightGbm)]
    [InlineData(TrainerKind.FastTree)]
    [InlineData(TrainerKind.LogisticRegression)]
    public void AFeatureMissingOnEveryRow_DoesNotStopTraining(TrainerKind kind)
    {
        // Given: the planted data plus a column nobody has (e.g. company size without a companies file)
        var (planted, _) = Planted(1500, seed: 13);
        var data = new FeatureMatrix([.. planted.FeatureNames, "absent"], [.. planted.Rows.Select(r => r.Append(float.NaN).ToArray())], planted.Labels);

        var result = new CrossValidation(folds: 3, seed: 0).Run(data, kind);

        Assert.True(result.Metrics.RocAuc > 0.65, $"AUC {result.Metrics.RocAuc}");
    }
}
