namespace Leadwise.Recommend.Modeling;

/// <summary>
/// Out-of-fold quality of the chosen trainer at one step: ROC AUC (NaN when the step has one class only), expected
/// calibration error, and mean predicted against observed rate.
/// </summary>
public sealed record StepMetrics(int Step, int Rows, int Positives, double RocAuc, double CalibrationError, double MeanPredicted, double ObservedRate);
