using Leadwise.Core.Outreach;
using Leadwise.Core.Scoring;
using Leadwise.Data.Storage;
using Leadwise.Recommend.Recommending;

namespace Leadwise.Server;

/// <summary>One step of a campaign's funnel: how many leads it reached and how many replied at it.</summary>
internal sealed record FunnelStep(int Step, int Sent, int Replied)
{
    public double ReplyRate => Sent == 0 ? 0 : (double)Replied / Sent;

    /// <summary>Per step sent to any of <paramref name="leads"/>: the leads it reached and those that replied at it.</summary>
    public static IReadOnlyList<FunnelStep> Of(IReadOnlyList<Lead> leads)
    {
        ArgumentNullException.ThrowIfNull(leads);
        var steps = leads.Count == 0 ? 0 : leads.Max(l => l.StepsSent);
        return [.. Enumerable.Range(0, steps).Select(step => new FunnelStep(
            step,
            leads.Count(l => l.StepsSent > step),
            leads.Count(l => l.ReplyStep == step)))];
    }
}

/// <summary>
/// One campaign as <c>GET /api/campaigns/{id}</c> and the dashboard's campaign page show it: its messages, the funnel per
/// step, and — with a promoted sequence model — the one sequence recommended for its leads with the expected replies.
/// </summary>
internal sealed record CampaignView(
    Campaign Campaign,
    int Leads,
    IReadOnlyList<Message> Messages,
    IReadOnlyList<FunnelStep> Funnel,
    CampaignRecommendation? Recommendation,
    IReadOnlyDictionary<MessageKey, Message> Catalog)
{
    /// <summary>The recommendation is computed over at most this many of the campaign's leads, so a request stays quick.</summary>
    public const int MaxLeads = 2_000;

    /// <summary>
    /// The campaign's view, or null when the store has no such campaign or <paramref name="account"/> (when given) does
    /// not own it.
    /// </summary>
    public static async Task<CampaignView?> BuildAsync(CampaignId id, UserId? account, ILeadwiseStore store, PromotedRecommender recommender, CachedLeadFacts leadFacts, CancellationToken cancellationToken)
    {
        var campaign = await store.FindCampaignAsync(id, account, cancellationToken);
        if (campaign is null)
        {
            return null;
        }

        var leads = new List<Lead>();
        await foreach (var lead in store.ReadLeadsOfCampaignAsync(campaign.Id, cancellationToken))
        {
            leads.Add(lead);
        }

        var messages = await store.ReadMessagesOfCampaignAsync(campaign.Id, cancellationToken);
        var catalog = await recommender.GetAsync(cancellationToken);
        CampaignRecommendation? recommendation = null;
        // The campaign's account's own promoted sequence model when it has one, else the install-wide one.
        var served = catalog?.For(campaign.UserId);
        if (served is not null && leads.Count > 0)
        {
            // The leads the sequence is for: those not yet contacted, else all; at most MaxLeads of them, read one by one
            // with their events and company, as a lead's own page reads it.
            var waiting = leads.Where(l => l.InviteSentAt is null && l.Skip != true).ToList();
            var facts = new List<LeadFacts>();
            foreach (var lead in (waiting.Count > 0 ? waiting : leads).Take(MaxLeads))
            {
                if (await leadFacts.ReadOneAsync(lead.Id, cancellationToken) is { } found)
                {
                    facts.Add(found);
                }
            }

            try
            {
                recommendation = served.RecommendCampaign(campaign.Id, facts);
            }
            catch (Exception exception) when (exception is InvalidOperationException or KeyNotFoundException)
            {
                // No invite message, or a campaign the catalog has not read yet: the current sequence only.
            }
        }

        return new CampaignView(campaign, leads.Count, [.. messages.OrderBy(m => m.Order)], FunnelStep.Of(leads), recommendation, catalog?.Messages ?? new Dictionary<MessageKey, Message>());
    }
}
