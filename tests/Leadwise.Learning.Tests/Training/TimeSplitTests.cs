using Leadwise.Learning.Training;

namespace Leadwise.Learning.Tests.Training;

public sealed class TimeSplitTests
{
    private static FeatureMatrix Planted(int rows, int seed)
    {
        var random = new Random(seed);
        var features = new List<float[]>();
        var labels = new List<bool>();
        for (var i = 0; i < rows; i++)
        {
            var x = (float)random.NextDouble();
            features.Add([x, (float)random.NextDouble()]);
            labels.Add(random.NextDouble() < 1 / (1 + Math.Exp(-((5 * x) - 3))));
        }

        return new FeatureMatrix(["signal", "noise"], features, labels);
    }

    [Fact]
    public void TrainsOnTheOldestShare_AndMeasuresOnTheRest_InTheGivenOrder()
    {
        var data = Planted(1000, seed: 3);
        int[] oldestFirst = [.. Enumerable.Range(0, 1000).Reverse()];

        var run = TimeSplit.Evaluate(data, oldestFirst, 0.8, [TrainerKind.LogisticRegression], seed: 0);

        Assert.Equal(oldestFirst[..800], run.TrainRows);
        Assert.Equal(oldestFirst[800..], run.TestRows);
        Assert.Equal(oldestFirst[800..].Count(i => data.Labels[i]), run.TestPositives);
        Assert.InRange(run.Trainers.Single().Metrics.RocAuc, 0.7, 0.95);
    }

    [Fact]
    public void ASideWithOneClass_IsRefusedWithTheCounts()
    {
        var data = Planted(200, seed: 4);
        int[] positivesLast = [.. Enumerable.Range(0, 200).OrderBy(i => data.Labels[i])];

        var error = Assert.Throws<InvalidOperationException>(() => TimeSplit.Evaluate(data, positivesLast, 0.2, [TrainerKind.LogisticRegression], seed: 0));

        Assert.Contains("40 older, 160 newer rows", error.Message, StringComparison.Ordinal);
    }
}
