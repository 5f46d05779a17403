using Leadwise.Core.Outreach;

namespace Leadwise.Recommend.Recommending;

/// <summary>
/// The recommended sequence for one lead (one message per step of its campaign), the runners-up at each step, and the
/// same predicted figures for the lead's current campaign sequence.
/// </summary>
public sealed record SequenceRecommendation(
    LeadId Lead,
    CampaignId Campaign,
    SequenceEstimate Recommended,
    IReadOnlyList<IReadOnlyList<StepCandidate>> RunnersUp,
    SequenceEstimate Current)
{
    /// <summary>Predicted reply probability gained by switching from the current sequence to the recommended one.</summary>
    public double Uplift => Recommended.ReplyProbability - Current.ReplyProbability;
}
