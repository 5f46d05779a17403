using Leadwise.Core.Outreach;

namespace Leadwise.Generator.Truth;

/// <summary>
/// The truth about one generated lead: its latent profile; <see cref="ReceivedSteps"/>, the steps of its
/// campaign that reached it (or would have, had it accepted and not replied) before the cutoff, and their
/// true reply probability; and the best sequence among its account's messages on the same channel.
/// </summary>
public sealed record LeadTruth(
    LeadId LeadId,
    UserId UserId,
    CampaignId CampaignId,
    LeadProfile Profile,
    int ReceivedSteps,
    double ReceivedReplyProbability,
    double BestReplyProbability,
    IReadOnlyList<MessageKey> BestSequence);
