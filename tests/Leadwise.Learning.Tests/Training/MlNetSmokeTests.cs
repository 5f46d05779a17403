using Leadwise.Learning.Training;
using Microsoft.ML;

namespace Leadwise.Learning.Tests.Training;

/// <summary>
/// The three trainers issue 5 selects between must run here, native LightGBM included (it ships in
/// the LightGBM NuGet package; nothing downloads at run time), and learn a planted signal.
/// </summary>
public sealed class MlNetSmokeTests
{
    private static (List<BinaryRow> Train, List<BinaryRow> Test) PlantedData()
    {
        var random = new Random(3);
        BinaryRow Row()
        {
            var x = new float[] { (float)random.NextDouble(), (float)random.NextDouble(), (float)random.NextDouble() };
            var logit = (4 * x[0]) - (3 * x[1]) - 0.5;
            return new BinaryRow { Features = x, Label = random.NextDouble() < 1 / (1 + Math.Exp(-logit)) };
        }

        return ([.. Enumerable.Range(0, 3000).Select(_ => Row())], [.. Enumerable.Range(0, 2000).Select(_ => Row())]);
    }

    [Theory]
    [InlineData(TrainerKind.LightGbm)]
    [InlineData(TrainerKind.FastTree)]
    [InlineData(TrainerKind.LogisticRegression)]
    public void Trainer_LearnsAPlantedSignal_OnHeldOutRows(TrainerKind kind)
    {
        // Given
        var ml = new MLContext(seed: 0);
        var (train, test) = PlantedData();
        IEstimator<ITransformer> trainer = kind switch
        {
            TrainerKind.LightGbm => ml.BinaryClassification.Trainers.LightGbm(numberOfIterations: 50),
            TrainerKind.FastTree => ml.BinaryClassification.Trainers.FastTree(numberOfTrees: 50),
            _ => ml.Transforms.NormalizeMinMax("Features").Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression()),
        };

        // When
        var model = trainer.Fit(TrainingData.Load(ml, train, featureCount: 3));
        var metrics = ml.BinaryClassification.Evaluate(model.Transform(TrainingData.Load(ml, test, featureCount: 3)));

        // Then: the Bayes-optimal AUC of this signal is about 0.84
        Assert.InRange(metrics.AreaUnderRocCurve, 0.78, 0.9);
    }
}
