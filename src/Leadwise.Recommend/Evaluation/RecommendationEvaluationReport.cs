using Leadwise.Recommend.Evaluation.OffPolicy;
using Leadwise.Recommend.Modeling;

namespace Leadwise.Recommend.Evaluation;

/// <summary>
/// The outcome of <see cref="RecommendationEvaluation.Run"/>: the hazard model's quality on held-out leads per step
/// (and of its acceptance stage), the off-policy estimates of each policy against the logged one, and — when the truth
/// is known — each off-policy estimate's true value on the same leads (<see cref="OffPolicyTruth"/>) and the true-value
/// table of every policy and baseline (<see cref="Truth"/>).
/// </summary>
public sealed record RecommendationEvaluationReport(
    int Seed,
    int TrainingLeads,
    int HeldOutLeads,
    HazardModelReport Model,
    IReadOnlyList<StepMetrics> HeldOutHazard,
    StepMetrics? HeldOutAcceptance,
    IReadOnlyList<OffPolicyEstimate> OffPolicy,
    IReadOnlyDictionary<string, double>? OffPolicyTruth,
    PolicyEvaluationReport? Truth)
{
    /// <summary>Per lead, the logged campaign sequence (of the same user and type) the hazard model rates best: a personalised policy the logs can vouch for.</summary>
    public const string LeadwiseLoggedSequence = "Leadwise best logged sequence";
}
