using Leadwise.Core.Outreach;

namespace Leadwise.Recommend.Recommending;

/// <summary>
/// One sequence for a whole campaign: the messages maximising the predicted replies summed over its
/// <see cref="Leads"/> leads not yet contacted (every lead of the campaign when all were contacted), against its current sequence.
/// </summary>
public sealed record CampaignRecommendation(
    CampaignId Campaign,
    int Leads,
    IReadOnlyList<MessageKey> Sequence,
    double ExpectedReplies,
    double CurrentExpectedReplies);
