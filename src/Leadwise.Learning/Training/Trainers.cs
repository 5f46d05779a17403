using Microsoft.ML;
using Microsoft.ML.Trainers.LightGbm;

namespace Leadwise.Learning.Training;

/// <summary>The estimator for each <see cref="TrainerKind"/>, with the settings model selection compares them at.</summary>
internal static class Trainers
{
    public static IEstimator<ITransformer> Create(MLContext ml, TrainerKind kind) => kind switch
    {
        // One thread: LightGBM's OpenMP workers spin-wait, and on a small shared machine two of them fitted bank
        // marketing ten times slower than one (11.7 s against 1.0 s per fold); CrossValidation runs folds in parallel instead.
        TrainerKind.LightGbm => ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
        {
            NumberOfLeaves = 15,
            NumberOfIterations = 150,
            MinimumExampleCountPerLeaf = 50,
            LearningRate = 0.05,
            NumberOfThreads = 1,
        }),
        // FastTree drops every row with a missing feature (LightGBM routes them); impute first.
        TrainerKind.FastTree => ml.Transforms.ReplaceMissingValues("Features").Append(ml.BinaryClassification.Trainers.FastTree(numberOfLeaves: 15, numberOfTrees: 100, minimumExampleCountPerLeaf: 50, learningRate: 0.05)),
        TrainerKind.LogisticRegression => ml.Transforms.ReplaceMissingValues("Features")
            .Append(ml.Transforms.NormalizeMeanVariance("Features"))
            .Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression()),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
