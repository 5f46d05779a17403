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

    /// <summary>Writes the calibration so <see cref="Load"/> restores it exactly (ML.NET's model format inside).</summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        writer.Write((int)Kind);
        writer.Flush();
        if (_transformer is not null)
        {
            _ml.Model.Save(_transformer, _ml.Data.LoadFromEnumerable(Array.Empty<ScoredRow>()).Schema, stream);
        }
    }

    public static ProbabilityCalibrator Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        var kind = (CalibrationKind)reader.ReadInt32();
        var ml = new MLContext(seed: 0);
        if (kind == CalibrationKind.None)
        {
            return new ProbabilityCalibrator(kind, ml, transformer: null);
        }

        // ML.NET needs a seekable stream for its zip; the entry stream the caller holds may not be one.
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        buffer.Position = 0;
        return new ProbabilityCalibrator(kind, ml, ml.Model.Load(buffer, out _));
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
