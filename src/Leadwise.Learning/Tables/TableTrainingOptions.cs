using Leadwise.Learning.Training;

namespace Leadwise.Learning.Tables;

/// <summary>What <see cref="TableTraining"/> is asked to do with a user's table.</summary>
public sealed class TableTrainingOptions
{
    /// <summary>The label column.</summary>
    public required string Label { get; init; }

    /// <summary>The label value meaning "converted"; inferred (yes, true, 1, won, …) when null.</summary>
    public string? Positive { get; init; }

    /// <summary>Columns the user drops.</summary>
    public IReadOnlyList<string> Drop { get; init; } = [];

    /// <summary>Keep columns the leakage guard flags (they are still reported).</summary>
    public bool AllowLeaky { get; init; }

    /// <summary>A column whose own cross-validated AUC is above this is flagged as leaky. Default 0.9.</summary>
    public double LeakAuc { get; init; } = 0.9;

    /// <summary>When set, also train on the oldest <see cref="TimeSplitTrainShare"/> of rows by this column and test on the rest.</summary>
    public string? TimeColumn { get; init; }

    /// <summary>Share of rows (oldest first) the time split trains on. Default 0.8.</summary>
    public double TimeSplitTrainShare { get; init; } = 0.8;

    /// <summary>Cross-validation folds. Default 5.</summary>
    public int Folds { get; init; } = 5;

    /// <summary>Seed of folds, bootstrap and trainers.</summary>
    public int Seed { get; init; }

    /// <summary>The trainers to compare; all of them when null.</summary>
    public IReadOnlyList<TrainerKind>? Trainers { get; init; }

    /// <summary>How columns become features.</summary>
    public TableFeatureOptions Features { get; init; } = new();
}
