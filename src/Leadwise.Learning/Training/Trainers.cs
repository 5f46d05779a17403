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
            // 75 rounds at 0.1 rather than 150 at 0.05: the same shrinkage budget in half the fitting time; on bank
            // marketing's benchmark folds the mean fold AUC was 0.8027 either way (docs/benchmarks.md).
            NumberOfLeaves = 15,
            NumberOfIterations = 75,
            MinimumExampleCountPerLeaf = 50,
            LearningRate = 0.1,
            NumberOfThreads = 1,
            // Column subsampling and an L2 penalty: at learning rate 0.1 the unregularised trees leaned on a planted
            // noise column (permutation importance 0.006 AUC); with them 0.003, and generated-data AUC 0.747 → 0.751.
            Booster = new GradientBooster.Options { FeatureFraction = 0.8, L2Regularization = 1.0 },
        }),
        // FastTree drops every row with a missing feature (LightGBM routes them); impute first.
        TrainerKind.FastTree => ml.Transforms.ReplaceMissingValues("Features").Append(ml.BinaryClassification.Trainers.FastTree(numberOfLeaves: 15, numberOfTrees: 100, minimumExampleCountPerLeaf: 50, learningRate: 0.05)),
        TrainerKind.LogisticRegression => ml.Transforms.ReplaceMissingValues("Features")
            .Append(ml.Transforms.NormalizeMeanVariance("Features"))
            .Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression()),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
