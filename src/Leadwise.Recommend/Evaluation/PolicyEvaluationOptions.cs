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

    /// <summary>
    /// Hold out the leads invited last (the newest <see cref="HoldOutShare"/> of the invited leads by invite time) instead
    /// of a seeded random share: the model learns from older leads and is judged on the ones that came after them, as it
    /// is used. Leads never invited have no outcome and stay on the training side.
    /// </summary>
    public bool SplitByTime { get; init; }

    public HazardModelOptions Model { get; init; } = new();

    /// <summary>Components kept by the SVD collaborative-filtering baseline (<see cref="SvdBaseline"/>).</summary>
    public int SvdComponents { get; init; } = 10;

    /// <summary>The off-policy estimators' bootstrap and overlap thresholds (<see cref="RecommendationEvaluation"/>); their bootstrap is seeded by <see cref="Seed"/>.</summary>
    public OffPolicyOptions OffPolicy { get; init; } = new();
}
