using Leadwise.Learning.Training.Native;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Leadwise.Learning.Training;

/// <summary>Fits one trainer on some rows of a matrix and predicts the probability of others.</summary>
public static class HoldOut
{
    /// <returns>The probability for each of <paramref name="testRows"/>, in their order.</returns>
    /// <remarks>
    /// LightGBM is fitted through its C API and scored on the matrix directly (<see cref="NativeLightGbmTrainer"/>), with
    /// <paramref name="seed"/> as its own seed: the same trees and probabilities as ML.NET's trainer given that seed
    /// (<see cref="ThroughMlNet"/>), without ML.NET's passes over a data view. The other trainers go through ML.NET.
    /// </remarks>
    public static double[] FitAndPredict(FeatureMatrix data, IReadOnlyList<int> trainRows, IReadOnlyList<int> testRows, TrainerKind kind, int seed)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(trainRows);
        ArgumentNullException.ThrowIfNull(testRows);
        if (kind != TrainerKind.LightGbm)
        {
            return ThroughMlNet(data, trainRows, testRows, kind, seed);
        }

        var model = NativeLightGbmTrainer.Fit(data, trainRows, seed);
        var probabilities = new double[testRows.Count];
        for (var k = 0; k < probabilities.Length; k++)
        {
            probabilities[k] = model.Probability(data.Rows[testRows[k]]);
        }

        return probabilities;
    }

    /// <summary>The same through ML.NET's estimators and data views (LightGBM seeded with <paramref name="seed"/>).</summary>
    internal static double[] ThroughMlNet(FeatureMatrix data, IReadOnlyList<int> trainRows, IReadOnlyList<int> testRows, TrainerKind kind, int seed)
    {
        var ml = new MLContext(seed: seed);
        var width = data.FeatureNames.Count;
        var train = TrainingData.Load(ml, trainRows.Select(i => new BinaryRow { Features = data.Rows[i], Label = data.Labels[i] }), width);
        var model = Trainers.Fit(ml, kind, train, lightGbmSeed: seed);
        var test = TrainingData.Load(ml, testRows.Select(i => new BinaryRow { Features = data.Rows[i], Label = data.Labels[i] }), width);
        return [.. model.Transform(test).GetColumn<float>("Probability").Select(p => (double)p)];
    }
}
