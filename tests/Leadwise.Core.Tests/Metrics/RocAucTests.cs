using Leadwise.Core.Metrics;

namespace Leadwise.Core.Tests.Metrics;

public sealed class RocAucTests
{
    [Fact]
    public void PerfectRanking_IsOne_AndReversedIsZero()
    {
        double[] scores = [0.1, 0.2, 0.8, 0.9];
        bool[] labels = [false, false, true, true];

        Assert.Equal(1.0, RocAuc.Compute(scores, labels));
        Assert.Equal(0.0, RocAuc.Compute(scores, [true, true, false, false]));
    }

    [Fact]
    public void AllTied_IsOneHalf()
    {
        Assert.Equal(0.5, RocAuc.Compute([3.0, 3.0, 3.0, 3.0], [true, false, true, false]));
    }

    [Fact]
    public void MatchesTheDefinition_OnRandomData()
    {
        // Given scores with ties, compared with the O(n²) definition: P(score+ > score-) + ½ P(tie)
        var random = new Random(7);
        var scores = Enumerable.Range(0, 300).Select(_ => (double)random.Next(20)).ToArray();
        var labels = scores.Select(s => random.NextDouble() < 0.2 + (s / 40)).ToArray();
        double wins = 0;
        long pairs = 0;
        for (var i = 0; i < scores.Length; i++)
        {
            for (var j = 0; j < scores.Length; j++)
            {
                if (labels[i] && !labels[j])
                {
                    pairs++;
                    wins += scores[i] > scores[j] ? 1 : scores[i].Equals(scores[j]) ? 0.5 : 0;
                }
            }
        }

        // When / Then
        Assert.Equal(wins / pairs, RocAuc.Compute(scores, labels), precision: 12);
    }

    [Fact]
    public void OneClassOnly_IsNaN_AndMismatchedLengthsThrow()
    {
        Assert.True(double.IsNaN(RocAuc.Compute([1.0, 2.0], [true, true])));
        Assert.Throws<ArgumentException>(() => RocAuc.Compute([1.0], [true, false]));
    }
}
