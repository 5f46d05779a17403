using Leadwise.Recommend.Evaluation;
using Leadwise.Recommend.Evaluation.OffPolicy;
using Leadwise.Recommend.Modeling;
using Leadwise.Reports.Content.Messages;

namespace Leadwise.Cli.Commands;

/// <summary>
/// Turns Recommend's <see cref="RecommendationEvaluationReport"/> into the report's plain <see cref="MessageEvaluationContent"/>
/// (Reports does not reference Recommend): the same numbers <c>leadwise evaluate recommend</c> prints, field for field.
/// </summary>
internal static class MessageEvaluationMapping
{
    private static readonly IReadOnlyDictionary<string, EstimatorKind> Estimators = new Dictionary<string, EstimatorKind>(StringComparer.Ordinal)
    {
        [EstimatorResult.Ips] = EstimatorKind.InversePropensity,
        [EstimatorResult.SelfNormalisedIps] = EstimatorKind.SelfNormalised,
        [EstimatorResult.DoublyRobust] = EstimatorKind.DoublyRobust,
        [EstimatorResult.DirectMethod] = EstimatorKind.ModelOnly,
    };

    public static MessageEvaluationContent From(RecommendationEvaluationReport report, PolicyEvaluationOptions options)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(options);
        var offPolicy = report.OffPolicy
            .Select(estimate => new OffPolicyRow(
                estimate.Policy,
                [.. estimate.Estimators.Select(Estimate)],
                Overlap(estimate.Overlap),
                report.OffPolicyTruth?.GetValueOrDefault(estimate.Policy)))
            .ToList();
        var truth = report.Truth is { } table
            ? new TruthComparison(table.EvaluatedLeads, table.LeadsWithInviteChoice, table.DiffersWhenTruthDiffers,
                [.. table.Policies.Select(p => new TruePolicyValue(p.Policy, p.MeanReplyProbability, p.Regret, p.InviteMatchesOracle, p.GainCaptured, p.DistinctSequences))])
            : null;
        return new MessageEvaluationContent(
            report.Seed,
            options.HoldOutShare,
            options.SplitByTime,
            report.TrainingLeads,
            report.HeldOutLeads,
            report.Model.Hazard.Chosen.ToString(),
            report.Model.Acceptance?.Chosen.ToString(),
            [.. report.HeldOutHazard.Select(Stage)],
            report.HeldOutAcceptance is { } acceptance ? Stage(acceptance) : null,
            report.OffPolicy.Count == 0 ? 0 : report.OffPolicy[0].Leads.Count,
            offPolicy,
            PolicyEvaluationReport.Leadwise,
            PolicyEvaluationReport.Logged,
            RecommendationEvaluationReport.LeadwiseLoggedSequence,
            truth);
    }

    private static PolicyEstimate Estimate(EstimatorResult result) =>
        new(Estimators.TryGetValue(result.Estimator, out var kind) ? kind : throw new InvalidOperationException($"The report has no column for the estimator {result.Estimator}."),
            result.Value, result.Low, result.High, result.Supported, result.Note);

    private static PolicyOverlap Overlap(OverlapDiagnostics o) =>
        new(o.InviteMatches, o.SequenceMatches, o.InviteEffectiveSampleSize, o.SequenceEffectiveSampleSize, o.NearZeroInviteShare, o.UnloggedSequenceShare, o.MaxWeight);

    private static HeldOutStage Stage(StepMetrics m) =>
        new(m.Step, m.Rows, m.Positives, m.RocAuc, m.CalibrationError, m.MeanPredicted, m.ObservedRate);
}
