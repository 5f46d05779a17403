using Leadwise.Recommend.Evaluation.OffPolicy;
using Leadwise.Recommend.Modeling;

namespace Leadwise.Recommend.Evaluation;

/// <summary>How <see cref="PolicyEvaluation.Run"/> splits, trains and evaluates.</summary>
public sealed record PolicyEvaluationOptions
{
    /// <summary>Seeds the lead split (whole leads, by a hash of id and seed) and the model's cross-validation.</summary>
    public int Seed { get; init; }

    /// <summary>The share of leads held out: the model never sees their outcomes; the policies are evaluated on them.</summary>
    public double HoldOutShare { get; init; } = 0.3;

    public HazardModelOptions Model { get; init; } = new();

    /// <summary>Components kept by the SVD collaborative-filtering baseline (<see cref="SvdBaseline"/>).</summary>
    public int SvdComponents { get; init; } = 10;

    /// <summary>The off-policy estimators' bootstrap and overlap thresholds (<see cref="RecommendationEvaluation"/>); their bootstrap is seeded by <see cref="Seed"/>.</summary>
    public OffPolicyOptions OffPolicy { get; init; } = new();
}
