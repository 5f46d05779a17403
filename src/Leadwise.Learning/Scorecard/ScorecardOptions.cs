namespace Leadwise.Learning.Scorecard;

/// <summary>Settings of <see cref="ScorecardTrainer"/>.</summary>
public sealed class ScorecardOptions
{
    /// <summary>Fewest training leads a bin needs; rarer text values join "(other)", small numeric bins merge with a neighbour.</summary>
    public int MinSupport { get; init; } = 50;

    /// <summary>Numeric fields and event counts are cut into at most this many quantile bins.</summary>
    public int NumericBins { get; init; } = 5;

    /// <summary>The most frequent title words (each with at least <see cref="MinSupport"/> leads) tried as yes/no attributes.</summary>
    public int TitleWords { get; init; } = 20;

    /// <summary>Points for doubling the odds of converting: points = round(PointsPerDoubling / ln 2 × β × WoE).</summary>
    public double PointsPerDoubling { get; init; } = 20;

    /// <summary>L2 penalty of the logistic regression on the WoE features (ML.NET's, on the summed log loss).</summary>
    public float L2Regularization { get; init; } = 1f;

    /// <summary>Shares of training leads graded A, B and C (top first); the rest are D.</summary>
    public IReadOnlyList<double> GradeShares { get; init; } = [0.1, 0.2, 0.3];
}
