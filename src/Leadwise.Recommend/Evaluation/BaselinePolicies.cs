using Leadwise.Core.Outreach;
using Leadwise.Core.Scoring;
using Leadwise.Recommend.Hazards;
using Leadwise.Recommend.Modeling;
using Leadwise.Recommend.Recommending;

namespace Leadwise.Recommend.Evaluation;

/// <summary>
/// The sequences of the policies Leadwise is compared with, computed from the training logs and the trained model only —
/// never from the truth — so that the truth table (<see cref="PolicyEvaluation"/>) and the off-policy table
/// (<see cref="RecommendationEvaluation"/>) value exactly the same sequences. Every policy chooses, at each step, among
/// the recommender's candidates for the lead's campaign (same user, same type, the campaign's length):
/// <list type="bullet">
/// <item>the logged sequence: the lead's own campaign's messages;</item>
/// <item>Leadwise per campaign: one model-chosen sequence per campaign over its held-out leads;</item>
/// <item>the best single sequence from the logs: per campaign, the one logged campaign sequence (of the same user and
/// type, at least as long) whose training leads replied most often within the campaign's steps (smoothed with
/// <see cref="PseudoLeads"/> towards the pool's rate) — the non-personalised "best sequence for everybody" that real
/// data allows, where the truth-optimal one needs the generator;</item>
/// <item>most replied per step (popularity): at each step the candidate with most replies in the training rows;</item>
/// <item>the seed's SVD collaborative filtering (<see cref="SvdBaseline"/>).</item>
/// </list>
/// </summary>
internal sealed class BaselinePolicies
{
    /// <summary>Pseudo-leads pulling a campaign's observed reply rate towards its pool's, so a campaign with a handful of leads cannot win on luck.</summary>
    public const double PseudoLeads = 10;

    private readonly Dictionary<CampaignId, IReadOnlyList<IReadOnlyList<MessageKey>>> _candidates = [];
    private readonly Dictionary<CampaignId, IReadOnlyList<MessageKey>> _perCampaign = [];
    private readonly Dictionary<CampaignId, IReadOnlyList<MessageKey>> _bestLogged = [];
    private readonly Dictionary<MessageKey, (int Replies, int Sent)> _replies;
    private readonly Dictionary<CampaignId, (HashSet<LeadId> Leads, int[] RepliesByStep)> _campaignOutcomes = [];
    private readonly SvdBaseline _svd;

    /// <param name="model">The hazard model trained on <paramref name="training"/>.</param>
    /// <param name="training">The training leads' rows: popularity, SVD and the best logged sequence read their replies.</param>
    /// <param name="heldOut">The held-out leads: Leadwise per campaign optimises over them (those of a campaign not yet invited, else all).</param>
    /// <param name="campaigns">Every campaign.</param>
    /// <param name="messages">Every campaign's messages.</param>
    /// <param name="svdComponents">Components the SVD baseline keeps.</param>
    public BaselinePolicies(HazardModel model, HazardData training, IReadOnlyList<LeadFacts> heldOut, IReadOnlyList<Campaign> campaigns, IReadOnlyDictionary<CampaignId, IReadOnlyList<Message>> messages, int svdComponents)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(training);
        Recommender = new SequenceRecommender(model, campaigns, messages, heldOut);
        _replies = training.Hazards.GroupBy(r => r.Message).ToDictionary(g => g.Key, g => (Replies: g.Count(r => r.Replied), Sent: g.Count()));
        _svd = SvdBaseline.Fit(training, svdComponents);
        foreach (var group in training.Hazards.Select(r => (r.CampaignId, r.LeadId, Reply: r.Replied ? r.Step : -1))
            .Concat(training.Acceptances.Select(r => (r.CampaignId, r.LeadId, Reply: -1)))
            .GroupBy(r => r.CampaignId))
        {
            var repliesByStep = new int[OutreachSteps.LastFollowUp + 1];
            foreach (var row in group.Where(r => r.Reply >= 0 && r.Reply < repliesByStep.Length))
            {
                repliesByStep[row.Reply]++;
            }

            _campaignOutcomes[group.Key] = ([.. group.Select(r => r.LeadId)], repliesByStep);
        }
    }

    /// <summary>The recommender over the held-out leads (Leadwise per lead and per campaign).</summary>
    public SequenceRecommender Recommender { get; }

    /// <summary>The candidate messages at each step for leads of <paramref name="campaign"/>; the first at each step is the campaign's own.</summary>
    public IReadOnlyList<IReadOnlyList<MessageKey>> Candidates(CampaignId campaign)
    {
        if (!_candidates.TryGetValue(campaign, out var candidates))
        {
            candidates = [.. Recommender.Candidates(campaign).Select(step => (IReadOnlyList<MessageKey>)[.. step.Select(m => m.Key)])];
            _candidates[campaign] = candidates;
        }

        return candidates;
    }

    /// <summary>Each baseline's sequence for every lead, by policy name (<see cref="PolicyEvaluationReport"/>'s constants), in <paramref name="leads"/>' order.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<MessageKey>[]> Sequences(IReadOnlyList<LeadFacts> leads)
    {
        ArgumentNullException.ThrowIfNull(leads);
        return new Dictionary<string, IReadOnlyList<MessageKey>[]>(StringComparer.Ordinal)
        {
            [PolicyEvaluationReport.LeadwiseCampaign] = [.. leads.Select(f => PerCampaign(f.Lead.CampaignId))],
            [PolicyEvaluationReport.BestSingleLogged] = [.. leads.Select(f => BestLogged(f.Lead.CampaignId))],
            [PolicyEvaluationReport.Popularity] = [.. leads.Select(f => Popularity(f.Lead.CampaignId))],
            [PolicyEvaluationReport.Svd] = [.. leads.Select(f => _svd.Choose(Candidates(f.Lead.CampaignId)))],
            [PolicyEvaluationReport.Logged] = [.. leads.Select(f => Logged(f.Lead.CampaignId))],
        };
    }

    /// <summary>The campaign's own messages, step by step.</summary>
    public IReadOnlyList<MessageKey> Logged(CampaignId campaign) =>
        [.. Candidates(campaign).Select((_, step) => new MessageKey(campaign, step))];

    private IReadOnlyList<MessageKey> PerCampaign(CampaignId campaign)
    {
        if (!_perCampaign.TryGetValue(campaign, out var sequence))
        {
            sequence = Recommender.RecommendCampaign(campaign).Sequence;
            _perCampaign[campaign] = sequence;
        }

        return sequence;
    }

    /// <summary>Among the candidates at each step, the message with most replies at that step in the training rows (ties and never-replied: most sent).</summary>
    private IReadOnlyList<MessageKey> Popularity(CampaignId campaign) =>
        [.. Candidates(campaign).Select(step => step.MaxBy(key => _replies.GetValueOrDefault(key)))];

    private IReadOnlyList<MessageKey> BestLogged(CampaignId campaign)
    {
        if (_bestLogged.TryGetValue(campaign, out var cached))
        {
            return cached;
        }

        var candidates = Candidates(campaign);
        var length = candidates.Count;

        // Whole sequences only: a campaign of the pool that has a message at every step of this one.
        var complete = candidates[0].Select(invite => invite.CampaignId)
            .Where(c => Enumerable.Range(0, length).All(step => candidates[step].Contains(new MessageKey(c, step))))
            .ToList();
        var outcomes = complete.Select(c => _campaignOutcomes.TryGetValue(c, out var o) ? (Leads: o.Leads.Count, Replies: o.RepliesByStep.Take(length).Sum()) : (Leads: 0, Replies: 0)).ToList();
        var poolLeads = outcomes.Sum(o => o.Leads);
        var poolRate = poolLeads == 0 ? 0 : outcomes.Sum(o => o.Replies) / (double)poolLeads;

        // MaxBy keeps the first of equals, and the lead's own campaign is listed first: without evidence nothing changes.
        var best = Enumerable.Range(0, complete.Count).MaxBy(i => (outcomes[i].Replies + (PseudoLeads * poolRate)) / (outcomes[i].Leads + PseudoLeads));
        IReadOnlyList<MessageKey> sequence = [.. Enumerable.Range(0, length).Select(step => new MessageKey(complete[best], step))];
        _bestLogged[campaign] = sequence;
        return sequence;
    }
}
