using Microsoft.ML;
using Microsoft.ML.Trainers.LightGbm;

namespace Leadwise.Learning.Training;

/// <summary>The estimator for each <see cref="TrainerKind"/>, with the settings model selection compares them at.</summary>
internal static class Trainers
{
    private static readonly Lock LightGbmFit = new();

    /// <summary>
    /// Fits the trainer. LightGBM fits run one at a time in the process: two at once (parallel folds, parallel test
    /// classes) crashed the process with a segfault in lib_lightgbm.so — its native code indexes per-thread state by
    /// OpenMP's process-wide thread count (dotnet/machinelearning#4918). The other trainers are managed and fit in parallel,
    /// and scoring the held-out rows stays parallel.
    /// </summary>
    public static ITransformer Fit(MLContext ml, TrainerKind kind, IDataView data)
    {
        var estimator = Create(ml, kind);
        if (kind != TrainerKind.LightGbm)
        {
            return estimator.Fit(data);
        }

        lock (LightGbmFit)
        {
            return estimator.Fit(data);
        }
    }

    public static IEstimator<ITransformer> Create(MLContext ml, TrainerKind kind) => kind switch
    {
        // One thread, and one fit at a time (see Fit): LightGBM's OpenMP workers spin-wait, and serialised fits with
        // two threads took 2.4-2.8 s for bank marketing's five folds against 1.7-2.0 s with one (docs/benchmarks.md).
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
