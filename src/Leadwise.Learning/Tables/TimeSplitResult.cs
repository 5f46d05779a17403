using Leadwise.Learning.Training;

namespace Leadwise.Learning.Tables;

/// <summary>Models trained on the oldest rows and tested on the newest: how the score holds up on leads that come later.</summary>
/// <param name="Column">The time column.</param>
/// <param name="TrainRows">Rows trained on (the oldest).</param>
/// <param name="TestRows">Rows tested on (the newest).</param>
/// <param name="TestFrom">The time value of the first test row, as written in the file.</param>
/// <param name="TestPositives">Positives among the test rows (the base rate to beat is this over <paramref name="TestRows"/>).</param>
/// <param name="RowsWithoutTime">Labelled rows left out of the split because their time is missing or unreadable.</param>
/// <param name="Trainers">Each trainer's metrics on the test rows, with bootstrap intervals.</param>
public sealed record TimeSplitResult(
    string Column,
    int TrainRows,
    int TestRows,
    string TestFrom,
    int TestPositives,
    int RowsWithoutTime,
    IReadOnlyList<TrainerResult> Trainers);
