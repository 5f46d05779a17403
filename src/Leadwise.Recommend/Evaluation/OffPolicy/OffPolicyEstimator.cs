using System.Globalization;
using Leadwise.Core.Outreach;
using Leadwise.Core.Scoring;
using Leadwise.Learning.Evaluation;
using Leadwise.Learning.Features;
using Leadwise.Recommend.Hazards;
using Leadwise.Recommend.Modeling;

namespace Leadwise.Recommend.Evaluation.OffPolicy;

/// <summary>
/// Estimates what a target sequence policy would have earned on held-out leads from the logged outcomes alone
/// (no truth): per-decision importance sampling over the steps of the sequence, where a reply at step k counts with the
/// weight of the steps up to k, π(m₀…m_k)/μ(m₀…m_k) — 1/μ(campaign) when the target's first k + 1 messages are the
/// lead's logged ones (<see cref="LoggingPolicy"/>), else 0.
/// <list type="bullet">
/// <item>IPS: the mean weighted reply; unbiased when the propensities are right and every target choice was logged.</item>
/// <item>SNIPS: each step's weighted replies divided by the sum of that step's weights (bounded, slightly biased).</item>
/// <item>DR: the hazard model's value of the target sequence plus, along the logged steps, the weighted difference
/// between what happened and what the model expected (Jiang &amp; Li's per-decision form); the model's expected
/// continuation also fills in a lead whose later steps were cut off by the end of its campaign.</item>
/// <item>DM: the hazard model's value alone, for reference.</item>
/// </list>
/// When the logged data cannot speak for the target (too few effective leads, too many target choices never logged for
/// such leads — <see cref="OffPolicyOptions"/>) the estimate carries no number but the reason; IPS also when the invite
/// weights average clearly more than 1 (or less than the share of leads whose invite can be logged), which right
/// propensities would not give: its value scales with that error.
/// </summary>
public sealed class OffPolicyEstimator
{
    private readonly HazardModel _model;
    private readonly LoggingPolicy _logging;
    private readonly Dictionary<CampaignId, Campaign> _campaigns;
    private readonly IReadOnlyDictionary<CampaignId, IReadOnlyList<Message>> _messages;
    private readonly Dictionary<MessageKey, Message> _byKey;
    private readonly OffPolicyOptions _options;

    /// <param name="model">The hazard model (trained without the evaluated leads' outcomes): DR's and DM's reward model.</param>
    /// <param name="logging">The estimated logging propensities.</param>
    /// <param name="campaigns">Every campaign (its type says whether the invite gates replies).</param>
    /// <param name="messages">Every campaign's messages.</param>
    /// <param name="options">Bootstrap and overlap thresholds.</param>
    public OffPolicyEstimator(HazardModel model, LoggingPolicy logging, IReadOnlyList<Campaign> campaigns, IReadOnlyDictionary<CampaignId, IReadOnlyList<Message>> messages, OffPolicyOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(logging);
        ArgumentNullException.ThrowIfNull(campaigns);
        ArgumentNullException.ThrowIfNull(messages);
        _model = model;
        _logging = logging;
        _campaigns = campaigns.GroupBy(c => c.Id).ToDictionary(g => g.Key, g => g.First());
        _messages = messages;
        _byKey = messages.Values.SelectMany(list => list).GroupBy(m => m.Key).ToDictionary(g => g.Key, g => g.First());
        _options = options ?? new OffPolicyOptions();
    }

    /// <summary>
    /// The leads whose whole logged sequence is observed: invited, with a known invite message, and invited early enough
    /// that acceptance (<see cref="HazardRows.AcceptanceWindowDays"/> for gated campaigns) and every planned follow-up
    /// fall before their campaign's last send in the data (<paramref name="campaignEnds"/>). The cut depends on the invite
    /// date only, not on the outcome; a lead still cut off is filled in by DR's model (IPS counts what was observed).
    /// </summary>
    public static IReadOnlyList<LeadFacts> Observable(IEnumerable<LeadFacts> leads, IReadOnlyList<Campaign> campaigns, IReadOnlyDictionary<CampaignId, IReadOnlyList<Message>> messages, IReadOnlyDictionary<CampaignId, DateTimeOffset> campaignEnds)
    {
        ArgumentNullException.ThrowIfNull(leads);
        ArgumentNullException.ThrowIfNull(campaigns);
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(campaignEnds);
        var types = campaigns.GroupBy(c => c.Id).ToDictionary(g => g.Key, g => g.First().Type);
        return [.. leads.Where(f =>
        {
            var campaign = f.Lead.CampaignId;
            if (f.Lead.InviteSentAt is not { } invited || !types.TryGetValue(campaign, out var type) || !campaignEnds.TryGetValue(campaign, out var end)
                || messages.GetValueOrDefault(campaign) is not { } own || !own.Any(m => m.Order == OutreachSteps.Invite))
            {
                return false;
            }

            var steps = Length(own);
            var days = own.Where(m => m.Order > 0 && m.Order < steps).Sum(m => m.IntervalDays ?? 1) + (Channels.IsGated(type) ? HazardRows.AcceptanceWindowDays : 0) + 1;
            return (end - invited).TotalDays >= days;
        })];
    }

    /// <summary>The logging policy itself (weights 1): the observed reply rate, the model filling in cut-off leads for DR.</summary>
    public OffPolicyEstimate EstimateLogged(string policy, IReadOnlyList<LeadFacts> leads)
    {
        ArgumentNullException.ThrowIfNull(leads);
        return Run(policy, leads, [.. leads.Select(Logged)], logged: true);
    }

    /// <summary>A deterministic target: <paramref name="targets"/>[i] is the sequence sent to <paramref name="leads"/>[i], as long as its campaign's.</summary>
    /// <exception cref="ArgumentException">The lists differ in length, a sequence is not as long as its lead's campaign, or names an unknown message.</exception>
    public OffPolicyEstimate Estimate(string policy, IReadOnlyList<LeadFacts> leads, IReadOnlyList<IReadOnlyList<MessageKey>> targets)
    {
        ArgumentNullException.ThrowIfNull(leads);
        ArgumentNullException.ThrowIfNull(targets);
        if (targets.Count != leads.Count)
        {
            throw new ArgumentException($"Need one target sequence per lead: {leads.Count} leads, {targets.Count} sequences.", nameof(targets));
        }

        return Run(policy, leads, targets, logged: false);
    }

    private static int Length(IReadOnlyList<Message> own)
    {
        var steps = 0;
        while (own.Any(m => m.Order == steps))
        {
            steps++;
        }

        return steps;
    }

    private IReadOnlyList<MessageKey> Logged(LeadFacts lead)
    {
        var own = _messages.GetValueOrDefault(lead.Lead.CampaignId) ?? [];
        return [.. Enumerable.Range(0, Length(own)).Select(step => new MessageKey(lead.Lead.CampaignId, step))];
    }

    private OffPolicyEstimate Run(string policy, IReadOnlyList<LeadFacts> leads, IReadOnlyList<IReadOnlyList<MessageKey>> targets, bool logged)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(policy);
        var n = leads.Count;
        var paths = new LeadPath[n];
        var hazardRequests = new List<(PreContactFacts, Message, int)>();
        var acceptRequests = new List<(PreContactFacts, Message, int)>();
        for (var i = 0; i < n; i++)
        {
            var facts = leads[i];
            var loggedSequence = Logged(facts);
            var target = targets[i];
            if (target.Count != loggedSequence.Count || loggedSequence.Count == 0)
            {
                throw new ArgumentException($"Lead {facts.Lead.Id.Value}: the target sequence has {target.Count} steps, its campaign {loggedSequence.Count}.", nameof(targets));
            }

            var pre = PreContactFacts.Of(facts) ?? throw new ArgumentException($"Lead {facts.Lead.Id.Value} was never invited: it has no logged outcome.", nameof(leads));
            var gated = Channels.IsGated(_campaigns.GetValueOrDefault(facts.Lead.CampaignId)?.Type);
            paths[i] = new LeadPath(facts, target, loggedSequence, gated, hazardRequests.Count, acceptRequests.Count);
            for (var step = 0; step < target.Count; step++)
            {
                hazardRequests.Add((pre, Message(target[step]), step));
                hazardRequests.Add((pre, Message(loggedSequence[step]), step));
            }

            if (gated)
            {
                acceptRequests.Add((pre, Message(target[0]), 0));
                acceptRequests.Add((pre, Message(loggedSequence[0]), 0));
            }
        }

        var hazards = _model.PredictHazards(hazardRequests);
        var acceptances = _model.PredictAcceptances(acceptRequests);
        var steps = paths.Length == 0 ? 0 : paths.Max(p => p.Target.Count);
        var contributions = paths.Select(p => Contribution(p, hazards, acceptances, steps, logged)).ToArray();
        var overlap = Overlap(paths, contributions, logged);
        return new OffPolicyEstimate(policy, [.. leads.Select(f => f.Lead.Id)], Estimators(contributions, steps, overlap), overlap);
    }

    private Message Message(MessageKey key) =>
        _byKey.TryGetValue(key, out var message) ? message : throw new ArgumentException($"Message {key} is unknown.", nameof(key));

    private LeadContribution Contribution(LeadPath path, double[] hazards, double[] acceptances, int steps, bool logged)
    {
        var length = path.Target.Count;
        var hTarget = new double[length];
        var hLogged = new double[length];
        for (var step = 0; step < length; step++)
        {
            hTarget[step] = hazards[path.HazardStart + (2 * step)];
            hLogged[step] = hazards[path.HazardStart + (2 * step) + 1];
        }

        var aTarget = path.Gated ? acceptances[path.AcceptStart] : 1.0;
        var aLogged = path.Gated ? acceptances[path.AcceptStart + 1] : 1.0;

        // R[k]: P(no reply at steps k.. of the target | reached k).
        var rest = new double[length + 1];
        rest[length] = 1;
        for (var step = length - 1; step >= 0; step--)
        {
            rest[step] = rest[step + 1] * (1 - hTarget[step]);
        }

        var lead = path.Facts.Lead;
        var accepted = !path.Gated || lead.InviteAccepted == true || lead.Replied == true || lead.StepsSent > 1;
        var taken = accepted ? Math.Min(lead.StepsSent, length) : 1;

        // Past the last step taken the lead is absorbed (replied, declined, or its sequence ended): the weight carries
        // over unchanged, as per-decision sampling pads finished trajectories, so every step's weights average to 1.
        var propensity = logged ? 1.0 : _logging.Propensity(path.Facts, path.Facts.Lead.CampaignId);
        var weight = new double[steps];
        var matched = !logged;
        for (var step = 0; step < steps; step++)
        {
            if (step < taken && !logged)
            {
                matched &= path.Target[step] == path.Logged[step];
            }

            weight[step] = logged ? 1.0 : matched && propensity > 0 ? 1 / propensity : 0;
        }

        var replyStep = lead.ReplyStep is { } k && k < taken ? k : -1;
        var direct = aTarget * (1 - ((1 - hTarget[0]) * rest[1]));
        var doublyRobust = direct;
        var rewards = new double[steps];
        for (var step = 0; step < taken; step++)
        {
            var reward = step == replyStep ? 1.0 : 0.0;
            rewards[step] = reward;
            var expected = step == 0 ? aLogged * (1 - ((1 - hLogged[0]) * rest[1])) : 1 - ((1 - hLogged[step]) * rest[step + 1]);
            var continues = reward == 0 && accepted && step + 1 < length;
            var next = continues ? 1 - rest[step + 1] : 0;
            doublyRobust += weight[step] * (reward + next - expected);
        }

        var ips = 0.0;
        for (var step = 0; step < steps; step++)
        {
            ips += weight[step] * rewards[step];
        }

        var inviteProp = logged ? 1.0 : _logging.Propensity(path.Facts, path.Target[0]);
        var sequenceCampaign = path.Target[0].CampaignId;
        var oneCampaign = path.Target.Select((key, step) => key == new MessageKey(sequenceCampaign, step)).All(same => same);
        var sequenceProp = logged ? 1.0 : oneCampaign ? _logging.Propensity(path.Facts, sequenceCampaign) : 0;
        var sequenceMatch = logged || path.Target.SequenceEqual(path.Logged);
        return new LeadContribution(weight, rewards, ips, doublyRobust, direct, inviteProp, sequenceProp,
            InviteWeight: weight.Length > 0 ? weight[0] : 0,
            SequenceWeight: sequenceMatch && propensity > 0 ? (logged ? 1 : 1 / propensity) : 0,
            InviteMatch: logged || path.Target[0] == path.Logged[0],
            SequenceMatch: sequenceMatch);
    }

    private OverlapDiagnostics Overlap(LeadPath[] paths, LeadContribution[] leads, bool logged)
    {
        static double Kish(IEnumerable<double> weights)
        {
            var (sum, squares) = weights.Aggregate((0.0, 0.0), (acc, w) => (acc.Item1 + w, acc.Item2 + (w * w)));
            return squares == 0 ? 0 : sum * sum / squares;
        }

        var n = paths.Length;
        double Share(Func<LeadContribution, bool> predicate) => n == 0 ? 0 : leads.Count(predicate) / (double)n;
        return new OverlapDiagnostics(
            n,
            leads.Count(c => c.InviteMatch),
            leads.Count(c => c.SequenceMatch),
            Kish(leads.Select(c => c.InviteWeight)),
            Kish(leads.Select(c => c.SequenceWeight)),
            logged ? 0 : Share(c => c.InvitePropensity < _options.NearZeroPropensity),
            logged ? 0 : Share(c => c.SequencePropensity < _options.NearZeroPropensity),
            leads.Length == 0 ? 0 : leads.Max(c => Math.Max(c.InviteWeight, c.SequenceWeight)));
    }

    private List<EstimatorResult> Estimators(LeadContribution[] leads, int steps, OverlapDiagnostics overlap)
    {
        var n = leads.Length;
        var ips = new List<double>(_options.Resamples);
        var snips = new List<double>(_options.Resamples);
        var dr = new List<double>(_options.Resamples);
        var dm = new List<double>(_options.Resamples);
        var meanWeights = new List<double>(_options.Resamples);
        var all = Enumerable.Range(0, n).ToArray();
        var point = Means(all);
        if (n > 0)
        {
            var random = new Random(_options.Seed);
            var sample = new int[n];
            for (var r = 0; r < _options.Resamples; r++)
            {
                for (var i = 0; i < n; i++)
                {
                    sample[i] = random.Next(n);
                }

                var means = Means(sample);
                ips.Add(means.Ips);
                Bootstrap.AddUnlessNaN(snips, means.Snips);
                dr.Add(means.Dr);
                dm.Add(means.Dm);
                meanWeights.Add(means.MeanWeight);
            }
        }

        var percent = CultureInfo.InvariantCulture;
        var reasons = new List<string>();
        if (overlap.UnloggedSequenceShare > _options.MaxUnsupportedShare)
        {
            reasons.Add(string.Format(percent, "{0:P0} of the leads get a sequence never (or almost never, propensity < {1:G2}) logged for leads like them", overlap.UnloggedSequenceShare, _options.NearZeroPropensity));
        }

        if (overlap.SequenceEffectiveSampleSize < _options.MinEffectiveSampleSize)
        {
            reasons.Add(string.Format(percent, "the whole-sequence weights leave {0:F0} effective leads (< {1:F0})", overlap.SequenceEffectiveSampleSize, _options.MinEffectiveSampleSize));
        }

        var drReasons = new List<string>();
        if (overlap.NearZeroInviteShare > _options.MaxUnsupportedShare)
        {
            drReasons.Add(string.Format(percent, "{0:P0} of the leads get an invite never (or almost never, propensity < {1:G2}) logged for leads like them", overlap.NearZeroInviteShare, _options.NearZeroPropensity));
        }

        if (overlap.InviteEffectiveSampleSize < _options.MinEffectiveSampleSize)
        {
            drReasons.Add(string.Format(percent, "the invite weights leave {0:F0} effective leads (< {1:F0})", overlap.InviteEffectiveSampleSize, _options.MinEffectiveSampleSize));
        }

        var weighting = reasons.Count == 0 ? null : "too little overlap: " + string.Join("; ", reasons);

        // With right propensities the invite weights average 1 over the leads whose target invite can be logged, so
        // between 1 − (near-zero share) and 1. Weights averaging clearly more mean the propensities are too small for
        // the leads the target counts: IPS grows with them (SNIPS divides the scale out, DR weighs only residuals); off
        // by a factor, the propensities cannot be trusted for SNIPS's and DR's mix of leads either.
        var ipsNote = weighting;
        if (n > 0)
        {
            var (low, high) = Bootstrap.PercentileInterval(meanWeights, 0.95);
            var misfit = string.Format(percent, "the invite weights average {0:F2} (95 % interval {1:F2}–{2:F2}) where right propensities give about 1: the estimated propensities do not fit the leads this policy counts", point.MeanWeight, low, high);
            if (low > _options.MeanWeightFactor || high < 1 / _options.MeanWeightFactor)
            {
                weighting ??= misfit;
                ipsNote ??= misfit;
                drReasons.Add(misfit);
            }
            else if (low > 1 + _options.MeanWeightTolerance || high < 1 - overlap.NearZeroInviteShare - _options.MeanWeightTolerance)
            {
                ipsNote ??= misfit;
            }
        }

        var drNote = drReasons.Count > 0
            ? string.Join("; ", drReasons.Select((reason, i) => i == 0 && !reason.StartsWith("the invite weights average", StringComparison.Ordinal) ? "too little overlap: " + reason : reason))
            : reasons.Count > 0 ? string.Format(percent, "rests on the hazard model wherever the logged sequence differs from the target ({0:P0} of leads' sequences never logged)", overlap.UnloggedSequenceShare) : null;
        return
        [
            Result(EstimatorResult.Ips, point.Ips, ips, ipsNote is null, ipsNote),
            Result(EstimatorResult.SelfNormalisedIps, point.Snips, snips, weighting is null, weighting),
            Result(EstimatorResult.DoublyRobust, point.Dr, dr, drReasons.Count == 0, drNote),
            Result(EstimatorResult.DirectMethod, point.Dm, dm, true, "the hazard model's prediction without logged outcomes: as biased as the model"),
        ];

        (double Ips, double Snips, double Dr, double Dm, double MeanWeight) Means(int[] sample)
        {
            if (sample.Length == 0)
            {
                return (double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
            }

            double ipsSum = 0, drSum = 0, dmSum = 0, weightSum = 0;
            var numerators = new double[steps];
            var denominators = new double[steps];
            foreach (var i in sample)
            {
                var lead = leads[i];
                ipsSum += lead.Ips;
                drSum += lead.DoublyRobust;
                dmSum += lead.Direct;
                weightSum += lead.InviteWeight;
                for (var step = 0; step < steps; step++)
                {
                    numerators[step] += lead.Weights[step] * lead.Rewards[step];
                    denominators[step] += lead.Weights[step];
                }
            }

            var selfNormalised = 0.0;
            for (var step = 0; step < steps; step++)
            {
                selfNormalised += denominators[step] > 0 ? numerators[step] / denominators[step] : 0;
            }

            var anyWeight = denominators.Length > 0 && denominators[0] > 0;
            return (ipsSum / sample.Length, anyWeight ? selfNormalised : double.NaN, drSum / sample.Length, dmSum / sample.Length, weightSum / sample.Length);
        }
    }

    private static EstimatorResult Result(string name, double point, List<double> resamples, bool supported, string? note)
    {
        if (!supported || double.IsNaN(point))
        {
            return new EstimatorResult(name, null, null, null, false, note ?? "no lead carries weight");
        }

        var (low, high) = Bootstrap.PercentileInterval(resamples, 0.95);
        return new EstimatorResult(name, point, low, high, true, note);
    }

    private sealed record LeadPath(LeadFacts Facts, IReadOnlyList<MessageKey> Target, IReadOnlyList<MessageKey> Logged, bool Gated, int HazardStart, int AcceptStart);

    private sealed record LeadContribution(double[] Weights, double[] Rewards, double Ips, double DoublyRobust, double Direct, double InvitePropensity, double SequencePropensity, double InviteWeight, double SequenceWeight, bool InviteMatch, bool SequenceMatch);
}
