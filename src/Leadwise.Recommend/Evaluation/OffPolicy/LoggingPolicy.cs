using System.Globalization;
using Leadwise.Core.Outreach;
using Leadwise.Core.Scoring;
using Leadwise.Learning.Features;
using Leadwise.Scoring.Signals;

namespace Leadwise.Recommend.Evaluation.OffPolicy;

/// <summary>
/// The estimated logging policy: the probability that a lead was assigned to each campaign, the export not recording
/// it. A lead receives its campaign's message at every step, so the logged decision is the campaign (a whole sequence),
/// and the propensity of a logged message prefix is the propensity of its campaign — treating steps as independent
/// per-step choices would give a campaign's follow-ups a probability of their own although they always travel with its
/// invite.
/// <para>
/// Candidates are the campaigns of the same user and type as the lead's (the recommender's candidate pool). Campaigns
/// target segments, so the assignment depends on the lead: the propensity is the empirical frequency per user × type,
/// refined by the lead's language, then seniority, then industry, each level smoothed towards the coarser one with
/// <see cref="OffPolicyOptions.PropensitySmoothing"/> pseudo-leads. The assumption (no unmeasured confounding):
/// given those attributes, which campaign a lead landed in does not depend on how it would respond.
/// </para>
/// </summary>
public sealed class LoggingPolicy
{
    private readonly Dictionary<CampaignId, Campaign> _campaigns;
    private readonly Dictionary<string, Dictionary<CampaignId, int>> _counts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _totals = new(StringComparer.Ordinal);
    private readonly double _smoothing;

    private LoggingPolicy(Dictionary<CampaignId, Campaign> campaigns, double smoothing)
    {
        _campaigns = campaigns;
        _smoothing = smoothing;
    }

    /// <summary>Counts the campaign assignments of <paramref name="leads"/> (outcomes are not used, so held-out leads may be among them).</summary>
    public static LoggingPolicy Estimate(IEnumerable<LeadFacts> leads, IReadOnlyList<Campaign> campaigns, double smoothing = 10)
    {
        ArgumentNullException.ThrowIfNull(leads);
        ArgumentNullException.ThrowIfNull(campaigns);
        ArgumentOutOfRangeException.ThrowIfNegative(smoothing);
        var policy = new LoggingPolicy(campaigns.GroupBy(c => c.Id).ToDictionary(g => g.Key, g => g.First()), smoothing);
        foreach (var facts in leads)
        {
            if (!policy._campaigns.ContainsKey(facts.Lead.CampaignId))
            {
                continue;
            }

            foreach (var stratum in policy.Strata(facts))
            {
                if (!policy._counts.TryGetValue(stratum, out var counts))
                {
                    counts = [];
                    policy._counts[stratum] = counts;
                }

                counts[facts.Lead.CampaignId] = counts.GetValueOrDefault(facts.Lead.CampaignId) + 1;
                policy._totals[stratum] = policy._totals.GetValueOrDefault(stratum) + 1;
            }
        }

        return policy;
    }

    /// <summary>
    /// P(the logging policy puts <paramref name="lead"/> into <paramref name="campaign"/>): 0 for a campaign of another
    /// user or type, and for one no lead of the lead's user and type was ever assigned to.
    /// </summary>
    public double Propensity(LeadFacts lead, CampaignId campaign)
    {
        ArgumentNullException.ThrowIfNull(lead);
        var strata = Strata(lead);
        if (strata.Length == 0 || !_counts.ContainsKey(strata[0]))
        {
            return 0;
        }

        var probability = 0.0;
        for (var level = 0; level < strata.Length; level++)
        {
            var counts = _counts.GetValueOrDefault(strata[level]);
            var n = _totals.GetValueOrDefault(strata[level]);
            var own = counts?.GetValueOrDefault(campaign) ?? 0;
            probability = level == 0 ? own / (double)n : (own + (_smoothing * probability)) / (n + _smoothing);
        }

        return probability;
    }

    /// <summary>The campaign a message belongs to is its propensity: a message prefix is logged only as part of its campaign's sequence.</summary>
    public double Propensity(LeadFacts lead, MessageKey message) => Propensity(lead, message.CampaignId);

    /// <summary>User × type, then + language, + seniority, + industry: coarse to fine.</summary>
    private string[] Strata(LeadFacts facts)
    {
        if (!_campaigns.TryGetValue(facts.Lead.CampaignId, out var campaign))
        {
            return [];
        }

        var root = string.Concat(campaign.UserId.Value.ToString(CultureInfo.InvariantCulture), "|", campaign.Type);
        var language = root + "|" + (LeadFeatureEncoder.GermanSpeaking.Contains(facts.Lead.Country ?? string.Empty) ? "de" : "other");
        var seniority = language + "|" + TitleSeniority.Classify(facts.Lead.Title);
        var industry = seniority + "|" + (facts.Company?.Industry ?? "?");
        return [root, language, seniority, industry];
    }
}
