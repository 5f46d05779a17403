namespace Leadwise.Learning.Training;

/// <summary>A training report with the chosen model's calibrated out-of-fold probabilities, row for row with the labels.</summary>
public sealed record TrainingRun(TrainingReport Report, IReadOnlyList<double> CalibratedOutOfFold, IReadOnlyList<bool> Labels);
