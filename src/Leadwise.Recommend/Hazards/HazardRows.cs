using Leadwise.Core.Outreach;
using Leadwise.Core.Scoring;
using Leadwise.Learning.Features;

namespace Leadwise.Recommend.Hazards;

/// <summary>
/// Builds the discrete-time hazard rows from the leads' step timestamps. A lead that replied at step k (the last
/// step sent, <see cref="Lead.ReplyStep"/>) gives rows 0..k, the last one positive; a lead that did not reply gives a
/// negative row for every step sent. Step k's message is the campaign's message of order k; the rows stop at the
/// first step sent whose message is unknown.
/// <para>
/// Gated campaigns (<see cref="Channels.IsGated"/>): a lead can only reply once it accepted the invite, so an
/// unaccepted invite is not a step the lead "survived" — it gives no hazard row (the hazard is conditional on being
/// reachable) but an <see cref="AcceptanceRow"/> with <c>Accepted = false</c>. A lead counts as accepted when
/// <c>inviteAccepted = t</c>, when it replied, or when a follow-up was sent (follow-ups only go to accepted leads).
/// An unaccepted invite sent less than <see cref="AcceptanceWindowDays"/> before its campaign's outreach ends in the
/// data (<see cref="OutreachWindow"/>) may still be accepted: its outcome is censored, so it gives no acceptance row.
/// </para>
/// </summary>
public static class HazardRows
{
    /// <summary>Invites are accepted within days (mean two in the generated data); after two weeks an unaccepted invite counts as declined.</summary>
    public const double AcceptanceWindowDays = 14;

    public static HazardData Build(IEnumerable<LeadFacts> leads, IReadOnlyDictionary<CampaignId, IReadOnlyList<Message>> campaignMessages)
    {
        ArgumentNullException.ThrowIfNull(leads);
        ArgumentNullException.ThrowIfNull(campaignMessages);
        var messages = campaignMessages.Values.SelectMany(list => list).GroupBy(m => m.Key).ToDictionary(g => g.Key, g => g.First());
        var all = leads.ToList();
        var ends = OutreachWindow.CampaignEnds(all.Select(f => f.Lead));
        var facts = new Dictionary<LeadId, PreContactFacts>();
        var hazards = new List<HazardRow>();
        var acceptances = new List<AcceptanceRow>();
        foreach (var lead in all)
        {
            // The lead's own campaign messages are not lead features here: each row carries its message's features.
            if (PreContactFacts.Of(lead) is not { } preContact)
            {
                continue;
            }

            facts[lead.Lead.Id] = preContact;
            AddRows(lead, messages, ends.TryGetValue(lead.Lead.CampaignId, out var end) ? end : null, hazards, acceptances);
        }

        return new HazardData(facts, hazards, acceptances, messages);
    }

    /// <summary>The rows of one lead (none for a lead never invited).</summary>
    /// <param name="lead">The lead with its campaign.</param>
    /// <param name="messages">Every message by key.</param>
    /// <param name="observedUntil">When the lead's campaign's outreach ends in the data; null when unknown (no acceptance is censored).</param>
    public static (IReadOnlyList<HazardRow> Hazards, AcceptanceRow? Acceptance) Of(LeadFacts lead, IReadOnlyDictionary<MessageKey, Message> messages, DateTimeOffset? observedUntil = null)
    {
        ArgumentNullException.ThrowIfNull(lead);
        ArgumentNullException.ThrowIfNull(messages);
        var hazards = new List<HazardRow>();
        var acceptances = new List<AcceptanceRow>();
        AddRows(lead, messages, observedUntil, hazards, acceptances);
        return (hazards, acceptances.Count > 0 ? acceptances[0] : null);
    }

    private static void AddRows(LeadFacts facts, IReadOnlyDictionary<MessageKey, Message> messages, DateTimeOffset? observedUntil, List<HazardRow> hazards, List<AcceptanceRow> acceptances)
    {
        var lead = facts.Lead;
        var sent = lead.StepsSent;
        if (sent == 0)
        {
            return;
        }

        var inviteKey = new MessageKey(lead.CampaignId, OutreachSteps.Invite);
        var accepted = lead.InviteAccepted == true || lead.Replied == true || sent > 1;
        if (Channels.IsGated(facts.Campaign?.Type))
        {
            var pending = !accepted && observedUntil is { } end && (end - lead.InviteSentAt!.Value).TotalDays < AcceptanceWindowDays;
            if (messages.ContainsKey(inviteKey) && !pending)
            {
                acceptances.Add(new AcceptanceRow(lead.Id, lead.CampaignId, inviteKey, accepted));
            }

            if (!accepted)
            {
                return;
            }
        }

        var replyStep = lead.ReplyStep;
        for (var step = 0; step < sent; step++)
        {
            var key = new MessageKey(lead.CampaignId, step);
            if (!messages.TryGetValue(key, out var message))
            {
                return;
            }

            hazards.Add(new HazardRow(lead.Id, lead.CampaignId, key, step, message.IntervalDays, step == replyStep));
        }
    }
}
