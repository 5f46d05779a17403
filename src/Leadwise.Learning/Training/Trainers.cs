using Leadwise.Learning.Training.Native;
using Microsoft.ML;
using Microsoft.ML.Trainers.LightGbm;

namespace Leadwise.Learning.Training;

/// <summary>The estimator for each <see cref="TrainerKind"/>, with the settings model selection compares them at.</summary>
internal static class Trainers
{
    /// <summary>
    /// Fits the trainer. LightGBM fits run one at a time in the process (<see cref="LightGbmNativeLock"/>). The other
    /// trainers are managed and fit in parallel, and scoring the held-out rows stays parallel.
    /// </summary>
    /// <param name="ml">The context; its seed also seeds LightGBM unless <paramref name="lightGbmSeed"/> is given.</param>
    /// <param name="kind">Which trainer.</param>
    /// <param name="data">The training rows.</param>
    /// <param name="lightGbmSeed">LightGBM's own seed (its column subsampling); null lets ML.NET draw one from the context.</param>
    public static ITransformer Fit(MLContext ml, TrainerKind kind, IDataView data, int? lightGbmSeed = null)
    {
        var estimator = Create(ml, kind, lightGbmSeed);
        if (kind != TrainerKind.LightGbm)
        {
            return estimator.Fit(data);
        }

        lock (LightGbmNativeLock.Gate)
        {
            return estimator.Fit(data);
        }
    }

    public static IEstimator<ITransformer> Create(MLContext ml, TrainerKind kind, int? lightGbmSeed = null) => kind switch
    {
        TrainerKind.LightGbm => ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
        {
            NumberOfLeaves = LightGbmSettings.NumberOfLeaves,
            NumberOfIterations = LightGbmSettings.NumberOfIterations,
            MinimumExampleCountPerLeaf = LightGbmSettings.MinimumExampleCountPerLeaf,
            LearningRate = LightGbmSettings.LearningRate,
            NumberOfThreads = LightGbmSettings.NumberOfThreads,
            Sigmoid = LightGbmSettings.Sigmoid,
            Seed = lightGbmSeed,
            Booster = new GradientBooster.Options { FeatureFraction = LightGbmSettings.FeatureFraction, L2Regularization = LightGbmSettings.L2Regularization },
        }),
        // FastTree drops every row with a missing feature (LightGBM routes them); impute first.
        TrainerKind.FastTree => ml.Transforms.ReplaceMissingValues("Features").Append(ml.BinaryClassification.Trainers.FastTree(numberOfLeaves: 15, numberOfTrees: 100, minimumExampleCountPerLeaf: 50, learningRate: 0.05)),
        TrainerKind.LogisticRegression => ml.Transforms.ReplaceMissingValues("Features")
            .Append(ml.Transforms.NormalizeMeanVariance("Features"))
            .Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression()),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
