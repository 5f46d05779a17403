using System.Globalization;

namespace Leadwise.Learning.Training;

/// <summary>
/// LightGBM's settings in one place, read by both ways of fitting it: ML.NET's trainer (<see cref="Trainers"/>) and the
/// direct calls cross-validation makes (<see cref="Native.NativeLightGbmTrainer"/>), so the two cannot drift apart.
/// </summary>
internal static class LightGbmSettings
{
    // 75 rounds at 0.1 rather than 150 at 0.05: the same shrinkage budget in half the fitting time; on bank
    // marketing's benchmark folds the mean fold AUC was 0.8027 either way (docs/benchmarks.md).
    public const int NumberOfLeaves = 15;
    public const int NumberOfIterations = 75;
    public const int MinimumExampleCountPerLeaf = 50;
    public const double LearningRate = 0.1;

    // One thread, and one fit at a time (Native.LightGbmNativeLock): LightGBM's OpenMP workers spin-wait, and serialised
    // fits with two threads took 2.4-2.8 s for bank marketing's five folds against 1.7-2.0 s with one (docs/benchmarks.md).
    public const int NumberOfThreads = 1;

    // Column subsampling and an L2 penalty: at learning rate 0.1 the unregularised trees leaned on a planted
    // noise column (permutation importance 0.006 AUC); with them 0.003, and generated-data AUC 0.747 → 0.751.
    public const double FeatureFraction = 0.8;
    public const double L2Regularization = 1.0;

    /// <summary>ML.NET's default <c>Sigmoid</c>: the objective's slope, and the Platt calibrator ML.NET puts on the raw score.</summary>
    public const double Sigmoid = 0.5;

    /// <summary>
    /// The parameter string ML.NET 5's LightGBM trainer hands the native library for these settings (its defaults for
    /// everything not set above, in its own spelling), with <paramref name="seed"/> as LightGBM's seed.
    /// </summary>
    public static string NativeParameters(int seed) => string.Join(' ',
        "min_split_gain=0",
        "max_depth=0",
        "min_child_weight=0.1",
        "subsample_freq=0",
        "subsample=1",
        Invariant($"feature_fraction={FeatureFraction}"),
        Invariant($"reg_lambda={L2Regularization}"),
        "reg_alpha=0",
        "boosting_type=gbdt",
        "verbose=-1",
        Invariant($"nthread={NumberOfThreads}"),
        Invariant($"seed={seed}"),
        "max_bin=255",
        "use_missing=true",
        "zero_as_missing=false",
        "min_data_per_group=100",
        "max_cat_threshold=32",
        "cat_smooth=10",
        "cat_l2=10",
        "deterministic=false",
        "force_col_wise=false",
        "force_row_wise=false",
        "unbalanced_sets=false",
        "scale_pos_weight=1",
        Invariant($"sigmoid={Sigmoid}"),
        "metric=binary_logloss",
        Invariant($"learning_rate={LearningRate}"),
        Invariant($"num_leaves={NumberOfLeaves}"),
        Invariant($"min_data_per_leaf={MinimumExampleCountPerLeaf}"),
        "objective=binary");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
