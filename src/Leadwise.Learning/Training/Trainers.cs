using Microsoft.ML;

namespace Leadwise.Learning.Training;

/// <summary>The estimator for each <see cref="TrainerKind"/>, with the settings model selection compares them at.</summary>
internal static class Trainers
{
    public static IEstimator<ITransformer> Create(MLContext ml, TrainerKind kind) => kind switch
    {
        TrainerKind.LightGbm => ml.BinaryClassification.Trainers.LightGbm(numberOfLeaves: 15, numberOfIterations: 150, minimumExampleCountPerLeaf: 50, learningRate: 0.05),
        // FastTree drops every row with a missing feature (LightGBM routes them); impute first.
        TrainerKind.FastTree => ml.Transforms.ReplaceMissingValues("Features").Append(ml.BinaryClassification.Trainers.FastTree(numberOfLeaves: 15, numberOfTrees: 100, minimumExampleCountPerLeaf: 50, learningRate: 0.05)),
        TrainerKind.LogisticRegression => ml.Transforms.ReplaceMissingValues("Features")
            .Append(ml.Transforms.NormalizeMeanVariance("Features"))
            .Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression()),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
