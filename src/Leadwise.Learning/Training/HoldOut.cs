using Microsoft.ML;
using Microsoft.ML.Data;

namespace Leadwise.Learning.Training;

/// <summary>Fits one trainer on some rows of a matrix and predicts the probability of others.</summary>
public static class HoldOut
{
    /// <returns>The probability for each of <paramref name="testRows"/>, in their order.</returns>
    public static double[] FitAndPredict(FeatureMatrix data, IReadOnlyList<int> trainRows, IReadOnlyList<int> testRows, TrainerKind kind, int seed)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(trainRows);
        ArgumentNullException.ThrowIfNull(testRows);
        var ml = new MLContext(seed: seed);
        var width = data.FeatureNames.Count;
        var train = TrainingData.Load(ml, trainRows.Select(i => new BinaryRow { Features = data.Rows[i], Label = data.Labels[i] }), width);
        var model = Trainers.Fit(ml, kind, train);
        var test = TrainingData.Load(ml, testRows.Select(i => new BinaryRow { Features = data.Rows[i], Label = data.Labels[i] }), width);
        return [.. model.Transform(test).GetColumn<float>("Probability").Select(p => (double)p)];
    }
}
