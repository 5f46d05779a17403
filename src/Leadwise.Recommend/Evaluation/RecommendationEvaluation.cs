using Leadwise.Core.Outreach;
using Leadwise.Core.Scoring;
using Leadwise.Learning.Evaluation;
using Leadwise.Learning.Features;
using Leadwise.Recommend.Evaluation.OffPolicy;
using Leadwise.Recommend.Hazards;
using Leadwise.Recommend.Modeling;
using Leadwise.Recommend.Recommending;

namespace Leadwise.Recommend.Evaluation;

/// <summary>
/// Everything <c>leadwise evaluate recommend</c> reports, from one split and one model: leads split as
/// <see cref="PolicyEvaluation.Split"/> does, the hazard model trained on the training leads' rows, then on the held-out
/// leads
/// <list type="bullet">
/// <item>the model's per-step ROC AUC and calibration (and the acceptance stage's);</item>
/// <item>off-policy estimates (<see cref="OffPolicyEstimator"/>) from the logged outcomes alone, on the held-out leads
/// whose whole sequence is observed: Leadwise per lead and per campaign, Leadwise restricted to logged sequences, the
/// baselines (<see cref="BaselinePolicies"/>: the best single sequence from the logs, popularity, the seed's SVD) and
/// the logged policy — each with the same estimators, intervals and overlap verdict;</item>
/// <item>with a truth (generated data): the true value of those policies on the same leads, and
/// <see cref="PolicyEvaluation"/>'s table of every policy and baseline.</item>
/// </list>
/// </summary>
public static class RecommendationEvaluation
{
    public static RecommendationEvaluationReport Run(
        IReadOnlyList<LeadFacts> leads,
        IReadOnlyList<Campaign> campaigns,
        IReadOnlyDictionary<CampaignId, IReadOnlyList<Message>> messages,
        IReplyTruth? truth = null,
        PolicyEvaluationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(leads);
        ArgumentNullException.ThrowIfNull(campaigns);
        ArgumentNullException.ThrowIfNull(messages);
        options ??= new PolicyEvaluationOptions();
        var (training, heldOut) = PolicyEvaluation.Split(leads, options);
        var data = HazardRows.Build(training, messages);
        var model = HazardModel.Train(data, options.Model with { Seed = options.Seed }, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();

        var heldOutData = HazardRows.Build(heldOut, messages);
        var (hazardSteps, acceptance) = HeldOutMetrics(model, heldOutData);

        var logging = LoggingPolicyOf(leads, heldOut, campaigns, messages, options);
        var estimator = new OffPolicyEstimator(model, logging, campaigns, messages, options.OffPolicy with { Seed = options.Seed });
        var observable = OffPolicyEstimator.Observable(heldOut, campaigns, messages, OutreachWindow.CampaignEnds(leads.Select(f => f.Lead)));
        var recommender = new SequenceRecommender(model, campaigns, messages, observable);
        var leadwise = recommender.Recommend(observable).Select(r => r.Recommended.Messages).ToList();
        var loggedBest = BestLoggedSequences(model, logging, recommender, observable, options.OffPolicy.NearZeroPropensity);
        var baselines = new BaselinePolicies(model, data, heldOut, campaigns, messages, options.SvdComponents);
        var baselineSequences = baselines.Sequences(observable);
        cancellationToken.ThrowIfCancellationRequested();

        // Every policy the truth table compares, valued the same way; only the truth-optimal ones (oracle, best single by
        // the truth) are left out, having no counterpart without the generator.
        var targets = new List<(string Policy, IReadOnlyList<IReadOnlyList<MessageKey>> Sequences)>
        {
            (PolicyEvaluationReport.Leadwise, leadwise),
            (PolicyEvaluationReport.LeadwiseCampaign, baselineSequences[PolicyEvaluationReport.LeadwiseCampaign]),
            (RecommendationEvaluationReport.LeadwiseLoggedSequence, loggedBest),
            (PolicyEvaluationReport.BestSingleLogged, baselineSequences[PolicyEvaluationReport.BestSingleLogged]),
            (PolicyEvaluationReport.Popularity, baselineSequences[PolicyEvaluationReport.Popularity]),
            (PolicyEvaluationReport.Svd, baselineSequences[PolicyEvaluationReport.Svd]),
        };
        var estimates = targets.Select(t => estimator.Estimate(t.Policy, observable, t.Sequences)).ToList();
        estimates.Add(estimator.EstimateLogged(PolicyEvaluationReport.Logged, observable));
        cancellationToken.ThrowIfCancellationRequested();

        Dictionary<string, double>? offPolicyTruth = null;
        PolicyEvaluationReport? table = null;
        if (truth is not null)
        {
            double Mean(IReadOnlyList<IReadOnlyList<MessageKey>> sequences) => observable.Count == 0 ? double.NaN : observable.Select((f, i) => truth.ReplyProbability(f.Lead.Id, sequences[i])).Average();
            offPolicyTruth = targets.ToDictionary(t => t.Policy, t => Mean(t.Sequences), StringComparer.Ordinal);
            offPolicyTruth[PolicyEvaluationReport.Logged] = Mean([.. observable.Select(f => baselines.Logged(f.Lead.CampaignId))]);
            table = PolicyEvaluation.Evaluate(training.Count, data.Hazards, heldOut, model, baselines, messages, truth, options, cancellationToken);
        }

        return new RecommendationEvaluationReport(options.Seed, training.Count, heldOut.Count, model.Report, hazardSteps, acceptance, estimates, offPolicyTruth, table);
    }

    /// <summary>
    /// The logging propensities the evaluated leads are weighed with, counted from assignments only (no outcomes) among
    /// the leads the estimators average over: the leads whose whole sequence is observed (<see cref="OffPolicyEstimator.Observable"/>)
    /// — all of them for a random split, whose held-out leads are a random share of them, only the held-out ones for a
    /// time split. Being observed depends on the campaign (on when it ran and ended), and campaigns run in periods, so
    /// shares over every lead would misstate P(campaign | lead, evaluated): a campaign whose leads are all fully observed
    /// would get too small a share and too large a weight.
    /// </summary>
    internal static LoggingPolicy LoggingPolicyOf(IReadOnlyList<LeadFacts> leads, IReadOnlyList<LeadFacts> heldOut, IReadOnlyList<Campaign> campaigns, IReadOnlyDictionary<CampaignId, IReadOnlyList<Message>> messages, PolicyEvaluationOptions options)
    {
        var ends = OutreachWindow.CampaignEnds(leads.Select(f => f.Lead));
        var evaluatedLike = OffPolicyEstimator.Observable(options.SplitByTime ? heldOut : leads, campaigns, messages, ends);
        return LoggingPolicy.Estimate(evaluatedLike, campaigns, options.OffPolicy.PropensitySmoothing);
    }

    /// <summary>
    /// Per lead, among the campaigns of its user and type at least as long as its own and logged for such leads
    /// (propensity ≥ <paramref name="minPropensity"/>, its own campaign included), the one whose first steps the model
    /// rates best; when none qualifies, the campaign most often given to such leads.
    /// </summary>
    internal static IReadOnlyList<IReadOnlyList<MessageKey>> BestLoggedSequences(HazardModel model, LoggingPolicy logging, SequenceRecommender recommender, IReadOnlyList<LeadFacts> leads, double minPropensity)
    {
        var result = new List<IReadOnlyList<MessageKey>>(leads.Count);
        var hazardRequests = new List<(PreContactFacts, Message, int)>();
        var acceptRequests = new List<(PreContactFacts, Message, int)>();
        var plans = new List<(IReadOnlyList<IReadOnlyList<Message>> Options, bool Gated, int HazardStart, int AcceptStart)>();
        foreach (var facts in leads)
        {
            var candidates = recommender.Candidates(facts.Lead.CampaignId);
            var length = candidates.Count;
            var complete = candidates[0]
                .Select(invite => invite.CampaignId)
                .Select(c => (Campaign: c, Sequence: Enumerable.Range(0, length).Select(step => candidates[step].FirstOrDefault(m => m.CampaignId == c)).ToList()))
                .Where(option => option.Sequence.All(m => m is not null))
                .ToList();

            // The own campaign too must clear the bar: a lead in a campaign rarely given to such leads would otherwise weigh 1/μ.
            var logged = complete.Where(option => logging.Propensity(facts, option.Campaign) >= minPropensity).ToList();
            var sequences = (logged.Count > 0 ? logged : complete.OrderByDescending(option => logging.Propensity(facts, option.Campaign)).Take(1))
                .Select(option => (IReadOnlyList<Message>)[.. option.Sequence.Select(m => m!)])
                .ToList();
            var pre = PreContactFacts.Of(facts) ?? throw new ArgumentException($"Lead {facts.Lead.Id.Value} was never invited.", nameof(leads));
            var gated = Channels.IsGated(facts.Campaign?.Type);
            plans.Add((sequences, gated, hazardRequests.Count, acceptRequests.Count));
            foreach (var sequence in sequences)
            {
                hazardRequests.AddRange(sequence.Select((m, step) => (pre, m, step)));
                if (gated)
                {
                    acceptRequests.Add((pre, sequence[0], 0));
                }
            }
        }

        var hazards = model.PredictHazards(hazardRequests);
        var acceptances = model.PredictAcceptances(acceptRequests);
        foreach (var (sequences, gated, hazardStart, acceptStart) in plans)
        {
            var offset = hazardStart;
            var best = (Value: -1.0, Sequence: (IReadOnlyList<MessageKey>)[]);
            for (var s = 0; s < sequences.Count; s++)
            {
                var none = 1.0;
                foreach (var _ in sequences[s])
                {
                    none *= 1 - hazards[offset++];
                }

                var value = (gated ? acceptances[acceptStart + s] : 1.0) * (1 - none);
                if (value > best.Value)
                {
                    best = (value, [.. sequences[s].Select(m => m.Key)]);
                }
            }

            result.Add(best.Sequence);
        }

        return result;
    }

    private static (IReadOnlyList<StepMetrics> Hazard, StepMetrics? Acceptance) HeldOutMetrics(HazardModel model, HazardData heldOut)
    {
        var hazardPredictions = model.PredictHazards([.. heldOut.Hazards.Select(r => (heldOut.Leads[r.LeadId], heldOut.Messages[r.Message], r.Step))]);
        var steps = Enumerable.Range(0, heldOut.Hazards.Count)
            .GroupBy(i => heldOut.Hazards[i].Step)
            .OrderBy(g => g.Key)
            .Select(g => Metrics(g.Key, [.. g.Select(i => hazardPredictions[i])], [.. g.Select(i => heldOut.Hazards[i].Replied)]))
            .ToList();
        if (heldOut.Acceptances.Count == 0)
        {
            return (steps, null);
        }

        var acceptPredictions = model.PredictAcceptances([.. heldOut.Acceptances.Select(r => (heldOut.Leads[r.LeadId], heldOut.Messages[r.Invite], 0))]);
        return (steps, Metrics(0, acceptPredictions, [.. heldOut.Acceptances.Select(r => r.Accepted)]));
    }

    private static StepMetrics Metrics(int step, double[] predicted, bool[] observed)
    {
        var positives = observed.Count(y => y);
        var metrics = BinaryMetrics.Compute(predicted, observed);
        var auc = positives == 0 || positives == observed.Length ? double.NaN : metrics.RocAuc;
        return new StepMetrics(step, observed.Length, positives, auc, metrics.CalibrationError, predicted.Average(), positives / (double)observed.Length);
    }
}
