using Leadwise.Core.Outreach;
using Leadwise.Core.Scoring;
using Leadwise.Learning.Features;
using Leadwise.Recommend.Hazards;
using Leadwise.Recommend.Modeling;

namespace Leadwise.Recommend.Recommending;

/// <summary>
/// Recommends one message per step of a lead's campaign: the sequence maximising the predicted probability of a reply
/// by the end, A(m₀)·(1 − Π_k (1 − h(m_k, k))), chosen exactly (the follow-ups by their own hazard, since the product
/// separates, then the invite by acceptance × its effect on the whole). Candidates at step k are the messages of order
/// k of campaigns of the same type (channel) owned by the same user as the lead's campaign, or of every user with
/// <see cref="RecommendOptions.AllUsers"/>. The sequence has as many steps as the lead's campaign.
/// </summary>
public sealed class SequenceRecommender
{
    private readonly HazardModel _model;
    private readonly IReadOnlyDictionary<CampaignId, Campaign> _campaigns;
    private readonly IReadOnlyDictionary<CampaignId, IReadOnlyList<Message>> _messages;
    private readonly IReadOnlyList<LeadFacts> _leads;
    private readonly Lazy<Dictionary<LeadId, LeadFacts>> _leadsById;
    private readonly TimeProvider _time;

    /// <param name="model">The trained hazard and acceptance model.</param>
    /// <param name="campaigns">Every campaign (the candidates' owners and types).</param>
    /// <param name="messages">Every campaign's messages.</param>
    /// <param name="leads">The leads recommendations may be asked for by id, and per campaign.</param>
    /// <param name="time">"Now" for leads not invited yet (their features as they stand now).</param>
    public SequenceRecommender(HazardModel model, IReadOnlyList<Campaign> campaigns, IReadOnlyDictionary<CampaignId, IReadOnlyList<Message>> messages, IReadOnlyList<LeadFacts>? leads = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(campaigns);
        ArgumentNullException.ThrowIfNull(messages);
        _model = model;
        _campaigns = campaigns.GroupBy(c => c.Id).ToDictionary(g => g.Key, g => g.First());
        _messages = messages;
        _leads = leads ?? [];
        _leadsById = new(() => _leads.GroupBy(f => f.Lead.Id).ToDictionary(g => g.Key, g => g.First()));
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The recommendation for a lead given to the constructor.</summary>
    /// <exception cref="KeyNotFoundException">The lead, or its campaign, is unknown.</exception>
    public SequenceRecommendation Recommend(LeadId lead, RecommendOptions? options = null) =>
        _leadsById.Value.TryGetValue(lead, out var facts)
            ? Recommend(facts, options)
            : throw new KeyNotFoundException($"Lead {lead.Value} is unknown: it is not among the {_leads.Count} leads the recommender was given.");

    /// <exception cref="KeyNotFoundException">The lead's campaign is unknown.</exception>
    /// <exception cref="InvalidOperationException">The lead's campaign has no invite message.</exception>
    public SequenceRecommendation Recommend(LeadFacts lead, RecommendOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(lead);
        return Recommend([lead], options)[0];
    }

    /// <summary>Recommendations for many leads, predicted in one batch.</summary>
    public IReadOnlyList<SequenceRecommendation> Recommend(IReadOnlyList<LeadFacts> leads, RecommendOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(leads);
        options ??= new RecommendOptions();
        var runnersUp = options.RunnersUp;
        return [.. Score(leads, options).Select(scores =>
        {
            var best = scores.Best();
            var recommended = scores.Estimate(best);
            var current = Enumerable.Range(0, best.Length).Select(step => scores.IndexOf(step, new MessageKey(scores.Campaign, step))).ToArray();
            var others = new IReadOnlyList<StepCandidate>[best.Length];
            for (var step = 0; step < best.Length; step++)
            {
                others[step] = scores.RunnersUp(best, step, runnersUp);
            }

            return new SequenceRecommendation(scores.Lead, scores.Campaign, recommended, others, scores.Estimate(current));
        })];
    }

    /// <summary>
    /// The single sequence for a whole campaign: the one maximising the predicted replies summed over its leads not yet
    /// contacted (all its leads given to the constructor when every one was contacted), found by coordinate ascent from
    /// the per-step best mean hazard (the sum does not separate by step).
    /// </summary>
    /// <exception cref="KeyNotFoundException">The campaign is unknown.</exception>
    public CampaignRecommendation RecommendCampaign(CampaignId campaign, RecommendOptions? options = null)
    {
        options ??= new RecommendOptions();
        if (!_campaigns.ContainsKey(campaign))
        {
            throw new KeyNotFoundException($"Campaign {campaign.Value} is unknown: it is not among the {_campaigns.Count} campaigns the recommender was given.");
        }

        var members = _leads.Where(f => f.Lead.CampaignId == campaign).ToList();
        return RecommendCampaign(campaign, members, options);
    }

    /// <summary>
    /// As <see cref="RecommendCampaign(CampaignId, RecommendOptions?)"/>, over the given leads of the campaign (a host that
    /// reads leads on demand passes them here): its leads not yet contacted among them, or all of them when none is waiting.
    /// </summary>
    /// <exception cref="KeyNotFoundException">The campaign is unknown.</exception>
    public CampaignRecommendation RecommendCampaign(CampaignId campaign, IReadOnlyList<LeadFacts> members, RecommendOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(members);
        options ??= new RecommendOptions();
        if (!_campaigns.ContainsKey(campaign))
        {
            throw new KeyNotFoundException($"Campaign {campaign.Value} is unknown: it is not among the {_campaigns.Count} campaigns the recommender was given.");
        }

        members = [.. members.Where(f => f.Lead.CampaignId == campaign)];
        var waiting = members.Where(f => f.Lead.InviteSentAt is null && f.Lead.Skip != true).ToList();
        var scores = Score(waiting.Count > 0 ? waiting : members, options);
        if (scores.Count == 0)
        {
            throw new InvalidOperationException($"Campaign {campaign.Value} has no leads to recommend a sequence for.");
        }

        var candidates = scores[0].Candidates;
        var chosen = Enumerable.Range(0, candidates.Count)
            .Select(step => Enumerable.Range(0, candidates[step].Count).MaxBy(i => scores.Sum(s => s.Hazards[step][i])))
            .ToArray();
        double Total(int[] sequence) => scores.Sum(s => s.Value(sequence));
        var total = Total(chosen);
        for (var pass = 0; pass < 10; pass++)
        {
            var improved = false;
            for (var step = 0; step < chosen.Length; step++)
            {
                for (var i = 0; i < candidates[step].Count; i++)
                {
                    var trial = (int[])chosen.Clone();
                    trial[step] = i;
                    var value = Total(trial);
                    if (value > total + 1e-12)
                    {
                        (chosen, total, improved) = (trial, value, true);
                    }
                }
            }

            if (!improved)
            {
                break;
            }
        }

        var current = Enumerable.Range(0, chosen.Length).Select(step => scores[0].IndexOf(step, new MessageKey(campaign, step))).ToArray();
        return new CampaignRecommendation(campaign, scores.Count, [.. chosen.Select((index, step) => candidates[step][index].Key)], total, Total(current));
    }

    /// <summary>The candidate messages at each step of <paramref name="campaign"/>'s sequence (as many steps as it has, from the invite).</summary>
    /// <exception cref="KeyNotFoundException">The campaign is unknown.</exception>
    /// <exception cref="InvalidOperationException">The campaign has no invite message.</exception>
    public IReadOnlyList<IReadOnlyList<Message>> Candidates(CampaignId campaign, bool allUsers = false)
    {
        if (!_campaigns.TryGetValue(campaign, out var owner))
        {
            throw new KeyNotFoundException($"Campaign {campaign.Value} is unknown: it is not among the {_campaigns.Count} campaigns the recommender was given.");
        }

        var own = _messages.GetValueOrDefault(campaign) ?? [];
        var steps = 0;
        while (own.Any(m => m.Order == steps))
        {
            steps++;
        }

        if (steps == 0)
        {
            throw new InvalidOperationException($"Campaign {campaign.Value} has no invite message (order 0): there is no sequence to recommend.");
        }

        var pool = _campaigns.Values
            .Where(c => string.Equals(c.Type, owner.Type, StringComparison.Ordinal) && (allUsers || c.UserId == owner.UserId))
            .OrderBy(c => c.Id == campaign ? 0 : 1).ThenBy(c => c.Id.Value)
            .SelectMany(c => _messages.GetValueOrDefault(c.Id) ?? [])
            .ToList();
        return [.. Enumerable.Range(0, steps).Select(step => (IReadOnlyList<Message>)[.. pool.Where(m => m.Order == step)])];
    }

    private List<LeadScores> Score(IReadOnlyList<LeadFacts> leads, RecommendOptions options)
    {
        var allUsers = options.AllUsers;
        var now = _time.GetUtcNow();
        var candidatesOf = new Dictionary<CampaignId, IReadOnlyList<IReadOnlyList<Message>>>();
        var sets = new List<CandidateSet>(leads.Count);
        var plans = new List<(LeadFacts Facts, IReadOnlyList<IReadOnlyList<Message>> Candidates, bool Gated, int HazardStart, int AcceptStart)>(leads.Count);
        int hazardRows = 0, acceptRows = 0;
        foreach (var facts in leads)
        {
            var campaign = facts.Lead.CampaignId;
            if (!candidatesOf.TryGetValue(campaign, out var candidates))
            {
                candidates = Candidates(campaign, allUsers);
                candidatesOf[campaign] = candidates;
            }

            var preContact = PreContactFacts.Of(facts) ?? PreContactFacts.ForScoring(facts, null, now);
            var gated = Channels.IsGated(_campaigns[campaign].Type);
            plans.Add((facts, candidates, gated, hazardRows, acceptRows));
            sets.Add(new CandidateSet(preContact, candidates, gated));
            foreach (var step in candidates)
            {
                hazardRows += step.Count;
            }

            acceptRows += gated ? candidates[0].Count : 0;
        }

        var random = options.Explore ? (options.ExploreSeed is { } seed ? new Random(seed) : Random.Shared) : null;
        var (hazards, acceptances) = _model.PredictCandidates(sets, random);
        return [.. plans.Select(plan =>
        {
            var offset = plan.HazardStart;
            var perStep = new double[plan.Candidates.Count][];
            for (var step = 0; step < perStep.Length; step++)
            {
                perStep[step] = hazards.AsSpan(offset, plan.Candidates[step].Count).ToArray();
                offset += plan.Candidates[step].Count;
            }

            var accept = plan.Gated ? acceptances.AsSpan(plan.AcceptStart, plan.Candidates[0].Count).ToArray() : Ungated(plan.Candidates[0].Count);
            return new LeadScores(plan.Facts.Lead.Id, plan.Facts.Lead.CampaignId, plan.Candidates, perStep, accept);
        })];
    }

    private static double[] Ungated(int invites)
    {
        var accept = new double[invites];
        Array.Fill(accept, 1.0);
        return accept;
    }
}
