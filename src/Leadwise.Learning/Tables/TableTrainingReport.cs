using Leadwise.Learning.Training;

namespace Leadwise.Learning.Tables;

/// <summary>Everything <see cref="TableTraining"/> found out about a user's table.</summary>
/// <param name="Source">The file name.</param>
/// <param name="Label">The resolved label (rows used, positive value).</param>
/// <param name="Columns">What happened to each column but the label, in file order.</param>
/// <param name="Leakage">Leakage findings for the columns the user did not drop, in file order.</param>
/// <param name="LeakyColumns">Columns flagged as leaky that would otherwise have been features.</param>
/// <param name="LeakyDropped">Whether <paramref name="LeakyColumns"/> were dropped (not allowed with <c>--allow-leaky</c>).</param>
/// <param name="Training">Cross-validated metrics of every trainer, the chosen one and its calibration.</param>
/// <param name="Other">
/// The chosen trainer cross-validated on the same folds with the leaky columns' fate reversed: with them when they
/// were dropped (showing how much they inflate the metrics), without them when they were kept; null when none were flagged.
/// </param>
/// <param name="TimeSplit">The time-split evaluation, when a time column was given.</param>
/// <param name="Folds">The cross-validation fold of each labelled row (aligned with <see cref="TableLabel.Rows"/>).</param>
/// <param name="Warnings">Tolerated problems the user should know about.</param>
public sealed record TableTrainingReport(
    string Source,
    TableLabel Label,
    IReadOnlyList<ColumnDecision> Columns,
    IReadOnlyList<LeakageFinding> Leakage,
    IReadOnlyList<string> LeakyColumns,
    bool LeakyDropped,
    TrainingReport Training,
    TrainerResult? Other,
    TimeSplitResult? TimeSplit,
    IReadOnlyList<int> Folds,
    IReadOnlyList<string> Warnings);
