using Leadwise.Learning.Evaluation;

namespace Leadwise.Learning.Tests.Evaluation;

public sealed class StratifiedFoldsTests
{
    private static bool[] Labels(int rows, double rate, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, rows).Select(_ => random.NextDouble() < rate)];
    }

    [Fact]
    public void EveryFold_HoldsTheSameShareOfPositives_WithinOneRow()
    {
        var labels = Labels(10_007, 0.03, seed: 1);

        var folds = StratifiedFolds.Assign(labels, 5, seed: 42);

        var positivesPerFold = Enumerable.Range(0, 5).Select(f => folds.Where((fold, i) => fold == f && labels[i]).Count()).ToList();
        var rowsPerFold = Enumerable.Range(0, 5).Select(f => folds.Count(fold => fold == f)).ToList();
        Assert.True(positivesPerFold.Max() - positivesPerFold.Min() <= 1, string.Join(",", positivesPerFold));
        Assert.True(rowsPerFold.Max() - rowsPerFold.Min() <= 1, string.Join(",", rowsPerFold));
    }

    [Fact]
    public void TheSameSeed_GivesTheSameFolds_AndAnotherSeedOthers()
    {
        var labels = Labels(1000, 0.1, seed: 2);

        Assert.Equal(StratifiedFolds.Assign(labels, 5, seed: 7), StratifiedFolds.Assign(labels, 5, seed: 7));
        Assert.NotEqual(StratifiedFolds.Assign(labels, 5, seed: 7), StratifiedFolds.Assign(labels, 5, seed: 8));
    }

    [Fact]
    public void RowsOrderedByLabel_AreStillSpreadOverEveryFold()
    {
        // Given: all positives first, as a date-ordered export can look
        var labels = Enumerable.Range(0, 100).Select(i => i < 20).ToArray();

        var folds = StratifiedFolds.Assign(labels, 4, seed: 0);

        Assert.All(Enumerable.Range(0, 4), f => Assert.Equal(5, folds.Where((fold, i) => fold == f && labels[i]).Count()));
    }
}
