using System.Globalization;
using System.Text;
using Leadwise.Reports.Charts;
using Leadwise.Reports.Content;
using Leadwise.Reports.Content.Messages;

namespace Leadwise.Reports;

public static partial class HtmlModelReport
{
    /// <summary>The verdict quotes the first of these the logs support: DR uses the model where weights are thin, SNIPS and IPS only the logged replies.</summary>
    private static readonly EstimatorKind[] VerdictPreference = [EstimatorKind.DoublyRobust, EstimatorKind.SelfNormalised, EstimatorKind.InversePropensity];

    private static void Messages(StringBuilder html, ModelReportContent content)
    {
        html.Append("<section id=\"messages\">\n<h2>Which message to send</h2>\n");
        if (content.MessageEvaluation is not { } evaluation)
        {
            html.Append(Invariant, $"<p class=\"empty\">{Encode(content.MessageEvaluationMissing)}</p>\n</section>\n");
            return;
        }

        var split = evaluation.SplitByTime
            ? $"the newest {evaluation.HoldOutShare.ToString("0%", Invariant)} of the invited leads (by invite time) held out"
            : $"{evaluation.HoldOutShare.ToString("0%", Invariant)} of the leads held out at random, split seed {evaluation.Seed.ToString(Invariant)}";
        var acceptanceTrainer = evaluation.AcceptanceTrainer is null ? string.Empty : $", invite acceptance: {evaluation.AcceptanceTrainer}";
        html.Append(Invariant, $"<p>How the message-sequence recommendations (<code>leadwise recommend</code>) would have done, judged on leads the model never saw: {Encode(split)}. The sequence model was retrained on {N(evaluation.TrainingLeads)} training leads (reply hazard: {Encode(evaluation.HazardTrainer)}{Encode(acceptanceTrainer)}) and evaluated on {N(evaluation.HeldOutLeads)} held-out leads; the promoted version in the registry is not changed. <code>leadwise evaluate recommend</code> with the same seed and hold-out prints the same numbers.</p>\n")
            .Append(Invariant, $"<p class=\"verdict\"><strong>{Encode(Verdict(evaluation))}</strong></p>\n");

        html.Append("<div class=\"pair\">\n");
        if (evaluation.OffPolicy.Count > 0)
        {
            InlineFigure(html, MessageEvaluationCharts.PolicyValues(evaluation),
                "Each policy's value estimated from the logged replies alone, in replies per 100 leads, one marker per estimator with its 95 % bootstrap interval as a whisker; estimators the logs cannot support are written out instead of drawn." +
                (evaluation.OffPolicy.Any(r => r.TrueValue is not null) ? " The cross is the true value on the same leads." : string.Empty));
        }

        if (evaluation.HazardSteps.Count > 0 || evaluation.Acceptance is not null)
        {
            InlineFigure(html, MessageEvaluationCharts.StepAuc(evaluation),
                "How well the sequence model ranks held-out leads at each step: the chance that a lead who replied at the step was given a higher reply probability than one who did not (0.5 is chance). Later steps have few replies, so their AUC is noisy.");
        }

        html.Append("</div>\n");
        OffPolicyTables(html, evaluation);
        StageTable(html, evaluation);
        if (evaluation.Truth is { } truth)
        {
            TruthTable(html, truth);
        }

        html.Append("</section>\n");
    }

    /// <summary>The section's conclusion in plain words: the recommendation against the current sequences, or why the logs cannot say.</summary>
    internal static string Verdict(MessageEvaluationContent evaluation)
    {
        var recommended = evaluation.OffPolicy.FirstOrDefault(r => string.Equals(r.Policy, evaluation.RecommendedPolicy, StringComparison.Ordinal));
        var current = evaluation.OffPolicy.FirstOrDefault(r => string.Equals(r.Policy, evaluation.CurrentPolicy, StringComparison.Ordinal));
        if (recommended is null || current is null)
        {
            return "No off-policy estimate was computed for the recommended or the current sequences.";
        }

        var words = new StringBuilder();
        if (Comparison(recommended, current) is { } supported)
        {
            words.Append(Invariant, $"The recommended sequences are estimated ({supported.Label}) to get {MoreOrFewer(supported.Difference)} replies per 100 leads than the current ones: {F1(supported.Value)} per 100 leads (95 % interval {F1(supported.Low)}–{F1(supported.High)}) against {F1(supported.Current)} now.");
        }
        else
        {
            var reason = VerdictPreference.Select(kind => recommended[kind]?.Note).FirstOrDefault(note => note is not null) ?? "too little overlap with the logged choices";
            words.Append(Invariant, $"The logs cannot support an estimate for the recommended sequences ({reason}).");
            if (recommended[EstimatorKind.ModelOnly] is { Value: { } model } && Preferred(current) is { Value: { } now })
            {
                words.Append(Invariant, $" The model alone expects {F1(model * 100)} replies per 100 leads against {F1(now * 100)} now, but it is as optimistic as the model itself: an A/B test or exploration (leadwise recommend --explore) has to settle it.");
            }

            var loggedOnly = evaluation.LoggedOnlyPolicy is null ? null : evaluation.OffPolicy.FirstOrDefault(r => string.Equals(r.Policy, evaluation.LoggedOnlyPolicy, StringComparison.Ordinal));
            if (loggedOnly is not null && Comparison(loggedOnly, current) is { } restricted)
            {
                words.Append(Invariant, $" Restricted to sequences the logs can vouch for ({loggedOnly.Policy}), the personalised choice is estimated ({restricted.Label}) to get {MoreOrFewer(restricted.Difference)} replies per 100 leads than the current ones: {F1(restricted.Value)} (95 % interval {F1(restricted.Low)}–{F1(restricted.High)}) against {F1(restricted.Current)}.");
            }
        }

        if (evaluation.Truth is { } truth
            && truth.Policies.FirstOrDefault(p => string.Equals(p.Policy, evaluation.RecommendedPolicy, StringComparison.Ordinal)) is { } byTruth
            && truth.Policies.FirstOrDefault(p => string.Equals(p.Policy, evaluation.CurrentPolicy, StringComparison.Ordinal)) is { } loggedTruth)
        {
            words.Append(Invariant, $" By the ground truth the recommendation gets {F1(byTruth.MeanReplyProbability * 100)} replies per 100 leads against {F1(loggedTruth.MeanReplyProbability * 100)} for the current sequences");
            words.Append(double.IsNaN(byTruth.GainCaptured) ? "." : $", {Pct1(byTruth.GainCaptured)} of the oracle's gain.");
        }

        return words.ToString();
    }

    private static (string Label, double Value, double Low, double High, double Current, double Difference)? Comparison(OffPolicyRow policy, OffPolicyRow current)
    {
        var estimate = Preferred(policy);
        if (estimate is not { Value: { } value })
        {
            return null;
        }

        var now = current[estimate.Estimator] is { Supported: true, Value: { } same } ? same : Preferred(current)?.Value;
        if (now is null)
        {
            return null;
        }

        return (MessageEvaluationCharts.Label(estimate.Estimator), value * 100, (estimate.Low ?? value) * 100, (estimate.High ?? value) * 100, now.Value * 100, (value - now.Value) * 100);
    }

    private static PolicyEstimate? Preferred(OffPolicyRow row) =>
        VerdictPreference.Select(kind => row[kind]).FirstOrDefault(e => e is { Supported: true, Value: not null });

    private static string MoreOrFewer(double difference) =>
        difference >= 0 ? $"{F1(difference)} more" : $"{F1(-difference)} fewer";

    private static void InlineFigure(StringBuilder html, ChartImage chart, string howToRead) =>
        html.Append("<figure>\n")
            .Append(Invariant, $"<img src=\"{chart.DataUri}\" width=\"{chart.Width}\" height=\"{chart.Height}\" alt=\"{Encode(chart.Alt)}\">\n")
            .Append(Invariant, $"<figcaption>{Encode(chart.Alt)} {Encode(howToRead)}</figcaption>\n</figure>\n");

    private static void OffPolicyTables(StringBuilder html, MessageEvaluationContent evaluation)
    {
        if (evaluation.OffPolicy.Count == 0)
        {
            html.Append("<p class=\"empty\">No off-policy estimate was computed.</p>\n");
            return;
        }

        var kinds = Enum.GetValues<EstimatorKind>();
        var withTruth = evaluation.OffPolicy.Any(r => r.TrueValue is not null);
        html.Append(Invariant, $"<div class=\"scroll\"><table class=\"off-policy\"><caption>Off-policy value from the logs (reply probability, 95 % bootstrap interval; {N(evaluation.OffPolicyLeads)} held-out leads with their whole sequence observed)</caption>\n<thead><tr><th scope=\"col\">Policy</th>");
        foreach (var kind in kinds)
        {
            html.Append(Invariant, $"<th scope=\"col\">{Encode(MessageEvaluationCharts.Label(kind))}</th>");
        }

        html.Append(withTruth ? "<th scope=\"col\">True value</th>" : string.Empty).Append("</tr></thead>\n<tbody>\n");
        foreach (var row in evaluation.OffPolicy)
        {
            var chosen = string.Equals(row.Policy, evaluation.RecommendedPolicy, StringComparison.Ordinal);
            html.Append(Invariant, $"<tr{(chosen ? " class=\"chosen\"" : string.Empty)}><th scope=\"row\">{Encode(row.Policy)}{(chosen ? " <strong>(recommended)</strong>" : string.Empty)}</th>");
            foreach (var kind in kinds)
            {
                html.Append(Invariant, $"<td>{Encode(EstimateCell(row[kind]))}</td>");
            }

            if (withTruth)
            {
                html.Append(Invariant, $"<td>{(row.TrueValue is { } truth ? P2(truth) : "–")}</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody></table></div>\n");

        html.Append("<div class=\"scroll\"><table class=\"overlap\"><caption>Overlap with the logged choices</caption>\n<thead><tr><th scope=\"col\">Policy</th><th scope=\"col\">Invite logged</th><th scope=\"col\">Sequence logged</th><th scope=\"col\">ESS invite</th><th scope=\"col\">ESS sequence</th><th scope=\"col\">Invite never logged</th><th scope=\"col\">Sequence never logged</th><th scope=\"col\">Max weight</th></tr></thead>\n<tbody>\n");
        foreach (var row in evaluation.OffPolicy)
        {
            var o = row.Overlap;
            html.Append(Invariant, $"<tr><th scope=\"row\">{Encode(row.Policy)}</th><td>{N(o.InviteMatches)}</td><td>{N(o.SequenceMatches)}</td><td>{o.InviteEffectiveSampleSize.ToString("#,0", Invariant)}</td><td>{o.SequenceEffectiveSampleSize.ToString("#,0", Invariant)}</td><td>{Pct1(o.NearZeroInviteShare)}</td><td>{Pct1(o.UnloggedSequenceShare)}</td><td>{o.MaxWeight.ToString("#,0.0", Invariant)}</td></tr>\n");
        }

        html.Append("</tbody></table></div>\n")
            .Append("<p class=\"note\">Invite / sequence logged: held-out leads whose logged invite (sequence) is the policy's. ESS: the effective number of leads behind the weights. Never logged: the policy's choice had a logged propensity below 1 % for such leads. A reply at step k counts with weight 1/P(the lead's campaign) when the policy's first k + 1 messages are the lead's logged ones; propensities are campaign shares per user × campaign type, refined by language, seniority and industry. The baselines are valued the same way: a sequence mixing messages of several campaigns was never sent as a whole, so IPS and SNIPS cannot speak for it, and DR only where its invite was logged for such leads.</p>\n");

        var notes = evaluation.OffPolicy
            .SelectMany(row => row.Estimates.Where(e => e.Note is not null && e.Estimator != EstimatorKind.ModelOnly).Select(e => (row.Policy, Estimate: e)))
            .ToList();
        if (notes.Count > 0)
        {
            html.Append("<ul class=\"reasons\">\n");
            foreach (var (policy, estimate) in notes)
            {
                var mark = estimate.Supported ? "Note" : "Cannot support the estimate";
                html.Append(Invariant, $"<li><strong>{mark}:</strong> {Encode(policy)}, {Encode(MessageEvaluationCharts.Label(estimate.Estimator))}: {Encode(estimate.Note!)}</li>\n");
            }

            html.Append("</ul>\n");
        }
    }

    private static void StageTable(StringBuilder html, MessageEvaluationContent evaluation)
    {
        html.Append("<div class=\"scroll\"><table class=\"stages\"><caption>Sequence model on held-out leads, per step</caption>\n<thead><tr><th scope=\"col\">Stage</th><th scope=\"col\">Rows</th><th scope=\"col\">Positives</th><th scope=\"col\">ROC AUC</th><th scope=\"col\">Calibration error</th><th scope=\"col\">Predicted</th><th scope=\"col\">Observed</th></tr></thead>\n<tbody>\n");
        void Row(string stage, HeldOutStage s) =>
            html.Append(Invariant, $"<tr><th scope=\"row\">{stage}</th><td>{N(s.Rows)}</td><td>{N(s.Positives)}</td><td>{F3(s.RocAuc)}</td><td>{s.CalibrationError.ToString("0.0000", Invariant)}</td><td>{P2(s.MeanPredicted)}</td><td>{P2(s.ObservedRate)}</td></tr>\n");
        foreach (var step in evaluation.HazardSteps)
        {
            Row($"reply at step {step.Step.ToString(Invariant)}", step);
        }

        if (evaluation.Acceptance is { } acceptance)
        {
            Row("invite acceptance", acceptance);
        }

        html.Append("</tbody></table></div>\n");
    }

    private static void TruthTable(StringBuilder html, TruthComparison truth)
    {
        html.Append("<div class=\"scroll\"><table class=\"truth\"><caption>True value on held-out leads (ground truth of the generated data)</caption>\n<thead><tr><th scope=\"col\">Policy</th><th scope=\"col\">Mean true reply rate</th><th scope=\"col\">Regret vs oracle</th><th scope=\"col\">Invite = oracle's</th><th scope=\"col\">Gain captured</th><th scope=\"col\">Distinct sequences</th></tr></thead>\n<tbody>\n");
        foreach (var p in truth.Policies)
        {
            html.Append(Invariant, $"<tr><th scope=\"row\">{Encode(p.Policy)}</th><td>{P2(p.MeanReplyProbability)}</td><td>{(p.Regret * 100).ToString("0.00", Invariant)} pp</td><td>{Pct1(p.InviteMatchesOracle)}</td><td>{Pct1(p.GainCaptured)}</td><td>{N(p.DistinctSequences)}</td></tr>\n");
        }

        var differs = double.IsNaN(truth.DiffersWhenTruthDiffers) ? string.Empty : $" Where the oracle sends different sequences within a campaign, the recommendation does for {P0(truth.DiffersWhenTruthDiffers)} of those leads.";
        html.Append("</tbody></table></div>\n")
            .Append(Invariant, $"<p class=\"note\">Gain captured = (policy − logged)/(oracle − logged). {N(truth.EvaluatedLeads)} held-out leads, {N(truth.LeadsWithInviteChoice)} with a choice of invite.{differs} The best single sequence by the truth is chosen per campaign with the generator's help, so it is the strongest baseline that does not personalise (and has no off-policy row: real data has no such policy); the one from the logs is the logged campaign sequence whose training leads replied most.</p>\n");
    }

    private static string EstimateCell(PolicyEstimate? estimate) =>
        estimate is { Value: { } value }
            ? string.Create(CultureInfo.InvariantCulture, $"{P2(value)} [{P2(estimate.Low ?? value)}, {P2(estimate.High ?? value)}]")
            : "not supported";

    private static string P2(double value) => double.IsNaN(value) ? "–" : value.ToString("0.00 %", Invariant);

    private static string P0(double value) => value.ToString("0 %", Invariant);

    /// <summary>One decimal with a space before the sign, as <c>leadwise evaluate recommend</c> prints it, so the two read alike.</summary>
    private static string Pct1(double value) => double.IsNaN(value) ? "–" : value.ToString("0.0 %", Invariant);
}
