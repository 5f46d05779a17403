using Leadwise.Core.Outreach;
using Leadwise.Core.Scoring;
using Leadwise.Recommend.Hazards;
using Leadwise.Recommend.Modeling;
using Leadwise.Recommend.Recommending;

namespace Leadwise.Recommend.Evaluation;

/// <summary>
/// Evaluates sequence policies against a known truth (generated data). Leads are split by a seeded hash of their id;
/// the hazard model is trained on the training leads' rows only; on the held-out leads every policy chooses a
/// sequence of the lead's campaign length from the same candidates (the same user's messages of the same campaign
/// type), and the truth gives each choice's true reply probability:
/// <list type="bullet">
/// <item>Leadwise per lead (<see cref="SequenceRecommender"/>), and Leadwise per campaign (one sequence per campaign);</item>
/// <item>the logged sequence (the lead's own campaign's messages);</item>
/// <item>the best single sequence: per campaign, the one sequence maximising the truth's mean over its held-out
/// leads (coordinate ascent) — the best any policy that does not personalise could do, with the truth's help;</item>
/// <item>the best single sequence from the logs (<see cref="BaselinePolicies"/>): per campaign, the logged campaign
/// sequence whose training leads replied most — what the logs alone can find;</item>
/// <item>most replied per step (popularity): at each step the candidate with most replies in the training rows at that
/// step (ties and never-replied: most sent);</item>
/// <item>the seed's SVD collaborative filtering (<see cref="SvdBaseline"/>): at each step the candidate with the highest
/// score in a rank-k reconstruction of the training leads' lead × message reply matrix;</item>
/// <item>the oracle: the truth's best sequence per lead;</item>
/// <item>the truth without latent traits (<see cref="IReplyTruth.FeaturesOnlyBestSequence"/>): what perfectly estimated
/// lead and message features alone would send, without learning each message's own record;</item>
/// <item>the attainable policy (<see cref="IReplyTruth.AttainableBestSequences"/>): the truth's model with each message's
/// latent quality at its posterior given the training rows — the best any learner could do from these logs.</item>
/// </list>
/// </summary>
public static class PolicyEvaluation
{
    public static PolicyEvaluationReport Run(
        IReadOnlyList<LeadFacts> leads,
        IReadOnlyList<Campaign> campaigns,
        IReadOnlyDictionary<CampaignId, IReadOnlyList<Message>> messages,
        IReplyTruth truth,
        PolicyEvaluationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(leads);
        ArgumentNullException.ThrowIfNull(campaigns);
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(truth);
        options ??= new PolicyEvaluationOptions();
        var (training, heldOut) = Split(leads, options);
        var data = HazardRows.Build(training, messages);
        var model = HazardModel.Train(data, options.Model with { Seed = options.Seed }, cancellationToken);
        var baselines = new BaselinePolicies(model, data, heldOut, campaigns, messages, options.SvdComponents);
        return Evaluate(training.Count, data.Hazards, heldOut, model, baselines, messages, truth, options, cancellationToken);
    }

    /// <summary>
    /// The split <see cref="Run"/> uses: whole leads by a seeded hash of their id, <see cref="PolicyEvaluationOptions.HoldOutShare"/>
    /// held out; with <see cref="PolicyEvaluationOptions.SplitByTime"/> the newest invited leads by invite time (ties by id).
    /// </summary>
    public static (IReadOnlyList<LeadFacts> Training, IReadOnlyList<LeadFacts> HeldOut) Split(IReadOnlyList<LeadFacts> leads, PolicyEvaluationOptions options)
    {
        ArgumentNullException.ThrowIfNull(leads);
        ArgumentNullException.ThrowIfNull(options);
        if (!options.SplitByTime)
        {
            return ([.. leads.Where(f => !IsHeldOut(f.Lead.Id, options))], [.. leads.Where(f => IsHeldOut(f.Lead.Id, options))]);
        }

        var invited = leads.Where(f => f.Lead.InviteSentAt is not null)
            .OrderBy(f => f.Lead.InviteSentAt!.Value)
            .ThenBy(f => f.Lead.Id.Value)
            .ToList();
        var heldOutCount = (int)Math.Round(options.HoldOutShare * invited.Count, MidpointRounding.AwayFromZero);
        var heldOut = new HashSet<LeadId>(invited.Skip(invited.Count - heldOutCount).Select(f => f.Lead.Id));
        return ([.. leads.Where(f => !heldOut.Contains(f.Lead.Id))], [.. leads.Where(f => heldOut.Contains(f.Lead.Id))]);
    }

    /// <summary>The policies on <paramref name="heldOut"/> with a model already trained on the training leads' rows and the baselines computed from them.</summary>
    internal static PolicyEvaluationReport Evaluate(
        int trainingLeads,
        IReadOnlyList<HazardRow> trainingRows,
        IReadOnlyList<LeadFacts> heldOut,
        HazardModel model,
        BaselinePolicies baselines,
        IReadOnlyDictionary<CampaignId, IReadOnlyList<Message>> messages,
        IReplyTruth truth,
        PolicyEvaluationOptions options,
        CancellationToken cancellationToken)
    {
        var recommender = baselines.Recommender;
        var evaluated = heldOut.Where(f => messages.GetValueOrDefault(f.Lead.CampaignId)?.Any(m => m.Order == OutreachSteps.Invite) == true).ToList();
        cancellationToken.ThrowIfCancellationRequested();
        var sequences = new Dictionary<string, IReadOnlyList<MessageKey>[]>(baselines.Sequences(evaluated), StringComparer.Ordinal)
        {
            [PolicyEvaluationReport.Leadwise] = [.. recommender.Recommend(evaluated).Select(r => r.Recommended.Messages)],
            [PolicyEvaluationReport.Oracle] = [.. evaluated.Select(f => truth.BestSequence(f.Lead.Id, baselines.Candidates(f.Lead.CampaignId)))],
            [PolicyEvaluationReport.FeaturesOnly] = [.. evaluated.Select(f => truth.FeaturesOnlyBestSequence(f.Lead.Id, baselines.Candidates(f.Lead.CampaignId)))],
            [PolicyEvaluationReport.Attainable] = [.. truth.AttainableBestSequences(trainingRows, [.. evaluated.Select(f => (f.Lead.Id, baselines.Candidates(f.Lead.CampaignId)))])],
        };
        var single = BestSingle(evaluated, baselines, truth);
        sequences[PolicyEvaluationReport.BestSingle] = [.. evaluated.Select(f => single[f.Lead.CampaignId])];

        var values = sequences.ToDictionary(p => p.Key, p => evaluated.Select((f, i) => truth.ReplyProbability(f.Lead.Id, p.Value[i])).ToArray(), StringComparer.Ordinal);
        var oracle = values[PolicyEvaluationReport.Oracle].Average();
        var logged = values[PolicyEvaluationReport.Logged].Average();
        var choice = Enumerable.Range(0, evaluated.Count).Where(i => baselines.Candidates(evaluated[i].Lead.CampaignId)[0].Count > 1).ToArray();
        var oracleSequences = sequences[PolicyEvaluationReport.Oracle];
        var order = new[] { PolicyEvaluationReport.Oracle, PolicyEvaluationReport.Attainable, PolicyEvaluationReport.FeaturesOnly, PolicyEvaluationReport.Leadwise, PolicyEvaluationReport.LeadwiseCampaign, PolicyEvaluationReport.BestSingle, PolicyEvaluationReport.BestSingleLogged, PolicyEvaluationReport.Popularity, PolicyEvaluationReport.Svd, PolicyEvaluationReport.Logged };
        var results = order.Select(name =>
        {
            var mean = values[name].Average();
            var invites = choice.Length == 0 ? double.NaN : choice.Average(i => sequences[name][i][0] == oracleSequences[i][0] ? 1.0 : 0.0);
            var distinct = sequences[name].Select(Key).Distinct(StringComparer.Ordinal).Count();
            return new PolicyResult(name, mean, oracle - mean, invites, oracle - logged <= 0 ? double.NaN : (mean - logged) / (oracle - logged), distinct);
        }).ToList();

        return new PolicyEvaluationReport(options.Seed, trainingLeads, evaluated.Count, choice.Length, model.Report, results,
            DiffersWhenTruthDiffers(evaluated, sequences[PolicyEvaluationReport.Leadwise], oracleSequences));
    }

    private static bool IsHeldOut(LeadId lead, PolicyEvaluationOptions options) =>
        ModelStage.Fold(lead, options.Seed + 7919, 10_000) < options.HoldOutShare * 10_000;

    private static string Key(IReadOnlyList<MessageKey> sequence) => string.Join(' ', sequence);

    /// <summary>Per campaign, the single sequence with the highest true mean over its held-out leads (coordinate ascent from the logged one).</summary>
    private static Dictionary<CampaignId, IReadOnlyList<MessageKey>> BestSingle(IReadOnlyList<LeadFacts> leads, BaselinePolicies baselines, IReplyTruth truth)
    {
        var result = new Dictionary<CampaignId, IReadOnlyList<MessageKey>>();
        foreach (var group in leads.GroupBy(f => f.Lead.CampaignId))
        {
            var steps = baselines.Candidates(group.Key);
            var ids = group.Select(f => f.Lead.Id).ToList();
            var chosen = steps.Select((_, step) => new MessageKey(group.Key, step)).ToArray();
            double Total(MessageKey[] sequence) => ids.Sum(id => truth.ReplyProbability(id, sequence));
            var total = Total(chosen);
            for (var pass = 0; pass < 5; pass++)
            {
                var improved = false;
                for (var step = 0; step < steps.Count; step++)
                {
                    foreach (var candidate in steps[step])
                    {
                        var trial = (MessageKey[])chosen.Clone();
                        trial[step] = candidate;
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

            result[group.Key] = chosen;
        }

        return result;
    }

    private static double DiffersWhenTruthDiffers(IReadOnlyList<LeadFacts> leads, IReadOnlyList<MessageKey>[] policy, IReadOnlyList<MessageKey>[] oracle)
    {
        var differing = 0;
        var both = 0;
        foreach (var group in Enumerable.Range(0, leads.Count).GroupBy(i => leads[i].Lead.CampaignId))
        {
            if (group.Select(i => Key(oracle[i])).Distinct(StringComparer.Ordinal).Count() < 2)
            {
                continue;
            }

            differing += group.Count();
            both += group.Select(i => Key(policy[i])).Distinct(StringComparer.Ordinal).Count() > 1 ? group.Count() : 0;
        }

        return differing == 0 ? double.NaN : both / (double)differing;
    }
}
