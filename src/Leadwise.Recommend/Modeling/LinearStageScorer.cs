using System.Collections.Immutable;
using Leadwise.Learning.Training;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms;

namespace Leadwise.Recommend.Modeling;

/// <summary>
/// A stage fitted as logistic regression (missing values replaced, mean-variance scaling, a linear score, Platt's
/// sigmoid), evaluated on a feature vector directly instead of through an ML.NET data view. The scaled inputs are ML.NET's
/// own float products (and, for a missing value, what its replacement becomes, read by passing a row of missing values
/// through the two transforms), the probability is the model's calibrator applied to the score rounded to float as
/// ML.NET's score is; only the dot product is summed in double where ML.NET sums floats, so a probability differs from
/// the pipeline's by float rounding (well under 1e-6). Because the score is a sum, a batch sums each lead's own features
/// once and each (message, step) row only adds the rest (<see cref="Partial"/>), with no vector or data view per row.
/// </summary>
internal sealed class LinearStageScorer
{
    private readonly float[] _scale;
    private readonly float[] _missing;
    private readonly float[] _weights;
    private readonly double _bias;
    private readonly ICalibrator _calibrator;

    private LinearStageScorer(float[] scale, float[] missing, float[] weights, double bias, ICalibrator calibrator)
    {
        _scale = scale;
        _missing = missing;
        _weights = weights;
        _bias = bias;
        _calibrator = calibrator;
    }

    /// <summary>
    /// The scorer of <paramref name="model"/> when it is the logistic-regression pipeline the trainers build (replace
    /// missing, normalise mean-variance without offset, calibrated linear model) over <paramref name="width"/> features;
    /// null for any other model (trees), which is then scored through ML.NET.
    /// </summary>
    public static LinearStageScorer? TryCreate(MLContext ml, ITransformer model, int width)
    {
        if (model is not IEnumerable<ITransformer> chain
            || chain.ToList() is not [MissingValueReplacingTransformer replacer, NormalizingTransformer normalizer, ISingleFeaturePredictionTransformer<object> predictor]
            || predictor.Model is not CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator> calibrated
            || normalizer.GetNormalizerModelParameters(0) is not NormalizingTransformer.AffineNormalizerModelParameters<ImmutableArray<float>> affine
            || affine.Scale.Length != width
            || !affine.Offset.IsDefaultOrEmpty
            || calibrated.SubModel.Weights.Count != width)
        {
            return null;
        }

        var allMissing = new BinaryRow { Features = [.. Enumerable.Repeat(float.NaN, width)] };
        var replaced = normalizer.Transform(replacer.Transform(TrainingData.Load(ml, [allMissing], width)));
        var missing = replaced.GetColumn<VBuffer<float>>(predictor.FeatureColumnName).Single().DenseValues().ToArray();
        return new LinearStageScorer([.. affine.Scale], missing, [.. calibrated.SubModel.Weights], calibrated.SubModel.Bias, calibrated.Calibrator);
    }

    /// <summary>The bias: the score's part that depends on no feature.</summary>
    public double Bias => _bias;

    /// <summary>The score's part from the features <paramref name="start"/>.. of the whole vector, whose values are <paramref name="features"/>.</summary>
    public double Partial(ReadOnlySpan<float> features, int start)
    {
        var scale = _scale.AsSpan(start, features.Length);
        var missing = _missing.AsSpan(start, features.Length);
        var weights = _weights.AsSpan(start, features.Length);
        var sum = 0.0;
        for (var i = 0; i < features.Length; i++)
        {
            var value = features[i];
            var input = float.IsNaN(value) ? missing[i] : value * scale[i];
            sum += (double)weights[i] * input;
        }

        return sum;
    }

    /// <summary>The probability for a whole score (<see cref="Bias"/> plus the partial sums), as the pipeline's calibrator gives it.</summary>
    public double Probability(double score) => _calibrator.PredictProbability((float)score);
}
