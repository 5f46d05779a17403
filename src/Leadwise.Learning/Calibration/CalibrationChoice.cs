using Leadwise.Learning.Evaluation;

namespace Leadwise.Learning.Calibration;

/// <summary>
/// Picks the calibration with the lowest log loss, judged by cross-validation over the out-of-fold
/// predictions themselves (fit on k−1 folds, measure on the k-th): judged in-sample, the isotonic
/// step function would always win by memorising.
/// </summary>
public sealed record CalibrationChoice(CalibrationKind Chosen, IReadOnlyDictionary<CalibrationKind, double> CrossValidatedLogLoss, ProbabilityCalibrator Calibrator)
{
    public static CalibrationChoice Choose(IReadOnlyList<double> outOfFold, IReadOnlyList<bool> labels, int folds = 5, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(outOfFold);
        ArgumentNullException.ThrowIfNull(labels);
        var labelArray = labels.ToArray();
        var assignment = StratifiedFolds.Assign(labelArray, folds, seed);
        var losses = new Dictionary<CalibrationKind, double>();
        foreach (var kind in Enum.GetValues<CalibrationKind>())
        {
            var calibrated = new double[outOfFold.Count];
            for (var fold = 0; fold < folds; fold++)
            {
                var train = Enumerable.Range(0, outOfFold.Count).Where(i => assignment[i] != fold).ToArray();
                var test = Enumerable.Range(0, outOfFold.Count).Where(i => assignment[i] == fold).ToArray();
                var calibrator = ProbabilityCalibrator.Fit(kind, [.. train.Select(i => outOfFold[i])], [.. train.Select(i => labelArray[i])], seed);
                var applied = calibrator.Apply([.. test.Select(i => outOfFold[i])]);
                for (var k = 0; k < test.Length; k++)
                {
                    calibrated[test[k]] = applied[k];
                }
            }

            losses[kind] = BinaryMetrics.Compute(calibrated, labelArray).LogLoss;
        }

        var chosen = losses.MinBy(pair => pair.Value).Key;
        return new CalibrationChoice(chosen, losses, ProbabilityCalibrator.Fit(chosen, outOfFold, labels, seed));
    }
}
