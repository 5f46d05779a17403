namespace Leadwise.Reports.Content.Messages;

/// <summary>
/// The sequence model's quality on one stage's held-out rows (the reply hazard at a step, or the invite acceptance):
/// rows, positives, ROC AUC (NaN with a single class), expected calibration error, mean predicted and observed rate.
/// </summary>
public sealed record HeldOutStage(int Step, int Rows, int Positives, double RocAuc, double CalibrationError, double MeanPredicted, double ObservedRate);
