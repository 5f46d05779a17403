using Leadwise.Core.Outreach;
using Leadwise.Learning.Features;
using Leadwise.Recommend.Modeling;

namespace Leadwise.Recommend.Messages;

/// <summary>
/// A draft message's predicted reply rate at one step of a campaign, on the campaign's own leads, beside the message the
/// campaign sends at that step now.
/// </summary>
/// <param name="Campaign">The campaign.</param>
/// <param name="Step">The step the draft would be sent at.</param>
/// <param name="Leads">The leads it was scored on (the campaign's leads not yet contacted, or all of them when none is waiting).</param>
/// <param name="DraftHazard">The mean predicted probability that a lead reached at this step replies to the draft.</param>
/// <param name="CurrentHazard">The same for the campaign's current message at this step; null when the campaign has none.</param>
/// <param name="ShareOfLeadsBetter">The share of leads for whom the draft's prediction is higher than the current message's.</param>
public sealed record DraftScore(CampaignId Campaign, int Step, int Leads, double DraftHazard, double? CurrentHazard, double? ShareOfLeadsBetter)
{
    /// <summary>Draft minus current, in probability; null without a current message.</summary>
    public double? Uplift => CurrentHazard is { } current ? DraftHazard - current : null;
}

/// <summary>
/// Scores draft messages with the sequence (hazard) model: the draft's language, length, personalisation, question,
/// link and salutation — and, when the model reads message texts, the draft's own text vector from the model's fitted
/// featurisation — against the campaign's leads as they stand, at the step it would be sent. A draft has no reply
/// record of its own, so it gets the model's prediction from its properties (no per-message shrinkage factor), while the
/// current message keeps its own, as recommendations use it.
/// </summary>
public static class DraftScoring
{
    public static DraftScore Score(HazardModel model, Campaign campaign, IReadOnlyList<Message> campaignMessages, IReadOnlyList<PreContactFacts> leads, int step, string text)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(campaignMessages);
        ArgumentNullException.ThrowIfNull(leads);
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(step, OutreachSteps.LastFollowUp);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ArgumentException("The draft message has no text.", nameof(text));
        }

        if (leads.Count == 0)
        {
            throw new ArgumentException($"Campaign {campaign.Id} has no leads to score the draft on.", nameof(leads));
        }

        var current = campaignMessages.FirstOrDefault(m => m.Order == step);
        var draft = new Message { CampaignId = campaign.Id, Order = step, Content = text, IntervalDays = current?.IntervalDays };
        var drafts = model.UnshrunkHazards([.. leads.Select(lead => (lead, draft, step))]);
        if (current is null)
        {
            return new DraftScore(campaign.Id, step, leads.Count, drafts.Average(), null, null);
        }

        var currents = model.PredictHazards([.. leads.Select(lead => (lead, current, step))]);
        var better = drafts.Zip(currents).Count(p => p.First > p.Second);
        return new DraftScore(campaign.Id, step, leads.Count, drafts.Average(), currents.Average(), (double)better / leads.Count);
    }
}
