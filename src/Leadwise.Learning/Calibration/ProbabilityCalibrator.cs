using Microsoft.ML;
using Microsoft.ML.Data;

namespace Leadwise.Learning.Calibration;

/// <summary>
/// A fitted calibration (ML.NET's Platt or isotonic calibrator) from raw probabilities to calibrated ones.
/// It is fitted on out-of-fold predictions, never on the rows the model was trained on.
/// </summary>
public sealed class ProbabilityCalibrator
{
    private readonly MLContext _ml;
    private readonly ITransformer? _transformer;

    private ProbabilityCalibrator(CalibrationKind kind, MLContext ml, ITransformer? transformer)
    {
        Kind = kind;
        _ml = ml;
        _transformer = transformer;
    }

    public CalibrationKind Kind { get; }

    public static ProbabilityCalibrator Fit(CalibrationKind kind, IReadOnlyList<double> probabilities, IReadOnlyList<bool> labels, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(labels);
        var ml = new MLContext(seed);
        if (kind == CalibrationKind.None)
        {
            return new ProbabilityCalibrator(kind, ml, transformer: null);
        }

        IEstimator<ITransformer> estimator = kind == CalibrationKind.Platt
            ? ml.BinaryClassification.Calibrators.Platt(labelColumnName: nameof(ScoredRow.Label), scoreColumnName: nameof(ScoredRow.Score))
            : ml.BinaryClassification.Calibrators.Isotonic(labelColumnName: nameof(ScoredRow.Label), scoreColumnName: nameof(ScoredRow.Score));
        var data = ml.Data.LoadFromEnumerable(probabilities.Select((p, i) => new ScoredRow { Score = Logit(p), Label = labels[i] }));
        return new ProbabilityCalibrator(kind, ml, estimator.Fit(data));
    }

    public double[] Apply(IReadOnlyList<double> probabilities)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        if (_transformer is null)
        {
            return [.. probabilities];
        }

        var data = _ml.Data.LoadFromEnumerable(probabilities.Select(p => new ScoredRow { Score = Logit(p) }));
        return [.. _transformer.Transform(data).GetColumn<float>("Probability").Select(p => (double)p)];
    }

    /// <summary>Platt fits a line on the score; on the logit scale that is a proper re-scaling of a probability.</summary>
    private static float Logit(double probability)
    {
        var p = Math.Clamp(probability, 1e-6, 1 - 1e-6);
        return (float)Math.Log(p / (1 - p));
    }

    private sealed class ScoredRow
    {
        public bool Label { get; set; }

        public float Score { get; set; }
    }
}
