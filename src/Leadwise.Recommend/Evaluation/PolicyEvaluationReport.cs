using Leadwise.Recommend.Modeling;

namespace Leadwise.Recommend.Evaluation;

/// <summary>
/// The outcome of <see cref="PolicyEvaluation.Run"/>. <see cref="DiffersWhenTruthDiffers"/>: among held-out leads of
/// campaigns where the oracle sends different sequences to different leads, the share whose campaign also gets
/// different sequences from Leadwise's per-lead policy. <see cref="PolicyResult.GainCaptured"/> is measured against the
/// oracle; <see cref="FeaturesOnlyGainCaptured"/> gives the same ratio against the truth without latent traits and
/// <see cref="AttainableGainCaptured"/> against the attainable policy.
/// </summary>
public sealed record PolicyEvaluationReport(
    int Seed,
    int TrainingLeads,
    int EvaluatedLeads,
    int LeadsWithInviteChoice,
    HazardModelReport Model,
    IReadOnlyList<PolicyResult> Policies,
    double DiffersWhenTruthDiffers)
{
    public const string Leadwise = "Leadwise per lead";
    public const string LeadwiseCampaign = "Leadwise per campaign";
    public const string Logged = "logged sequence";
    /// <summary>Per campaign, the one sequence the truth rates best over its held-out leads: the strongest non-personalised policy, computable only with the generator's truth.</summary>
    public const string BestSingle = "best single sequence (by the truth)";

    /// <summary>Per campaign, the logged campaign sequence whose training leads replied most: the best single sequence the logs alone can find.</summary>
    public const string BestSingleLogged = "best single sequence (from the logs)";
    public const string Popularity = "most replied per step";
    public const string Svd = "SVD collaborative filtering";
    public const string Oracle = "oracle";
    public const string FeaturesOnly = "truth without latent traits";

    /// <summary>The truth's model with each message's quality at its posterior given the training logs: the best any learner could do from them (<see cref="IReplyTruth.AttainableBestSequences"/>).</summary>
    public const string Attainable = "attainable (Bayes, from the logs)";

    /// <summary>(policy − logged)/(features only − logged): <paramref name="policy"/>'s gain against what perfectly estimated features alone would gain.</summary>
    public double FeaturesOnlyGainCaptured(string policy)
    {
        var logged = this[Logged].MeanReplyProbability;
        return (this[policy].MeanReplyProbability - logged) / (this[FeaturesOnly].MeanReplyProbability - logged);
    }

    /// <summary>(policy − logged)/(attainable − logged): <paramref name="policy"/>'s gain against the most the logs allow.</summary>
    public double AttainableGainCaptured(string policy)
    {
        var logged = this[Logged].MeanReplyProbability;
        return (this[policy].MeanReplyProbability - logged) / (this[Attainable].MeanReplyProbability - logged);
    }

    public PolicyResult this[string policy] => Policies.First(p => string.Equals(p.Policy, policy, StringComparison.Ordinal));
}
