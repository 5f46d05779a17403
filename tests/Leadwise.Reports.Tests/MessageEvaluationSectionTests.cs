using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Leadwise.Reports.Content.Messages;
using SkiaSharp;

namespace Leadwise.Reports.Tests;

/// <summary>
/// The report's "Which message to send" section: every number of its input appears in its tables, text is encoded, its
/// two charts are PNGs with a text alternative, and the verdict compares the recommendation with the current sequences —
/// or says why the logs cannot.
/// </summary>
[Collection(ReportCollection.Name)]
public sealed partial class MessageEvaluationSectionTests(SampleReport sample)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    [Fact]
    public void Should_Show_Every_Policy_Estimate_Overlap_And_True_Value_Of_The_Input()
    {
        // Given
        var evaluation = SampleMessageEvaluation.Create();

        // When
        var section = Section(HtmlModelReport.Render(sample.Content with { MessageEvaluation = evaluation }));

        // Then
        Assert.Contains($"{evaluation.OffPolicyLeads:#,0} held-out leads with their whole sequence observed", section, StringComparison.Ordinal);
        foreach (var row in evaluation.OffPolicy)
        {
            var cells = row.Estimates.Select(e => e.Value is { } v ? $"<td>{P2(v)} [{P2(e.Low!.Value)}, {P2(e.High!.Value)}]</td>" : "<td>not supported</td>");
            var truth = $"<td>{P2(row.TrueValue!.Value)}</td>";
            Assert.Matches(Regex.Escape(WebUtility.HtmlEncode(row.Policy)) + @"(?: <strong>\(recommended\)</strong>)?</th>" + Regex.Escape(string.Concat(cells) + truth), section);
            var o = row.Overlap;
            Assert.Contains(
                $"<th scope=\"row\">{row.Policy}</th><td>{o.InviteMatches:#,0}</td><td>{o.SequenceMatches:#,0}</td><td>{o.InviteEffectiveSampleSize.ToString("#,0", Invariant)}</td><td>{o.SequenceEffectiveSampleSize.ToString("#,0", Invariant)}</td><td>{P1(o.NearZeroInviteShare)}</td><td>{P1(o.UnloggedSequenceShare)}</td><td>{o.MaxWeight.ToString("#,0.0", Invariant)}</td>",
                section, StringComparison.Ordinal);
        }

        foreach (var p in evaluation.Truth!.Policies)
        {
            Assert.Contains($"<th scope=\"row\">{p.Policy}</th><td>{P2(p.MeanReplyProbability)}</td><td>{(p.Regret * 100).ToString("0.00", Invariant)} pp</td><td>{P1(p.InviteMatchesOracle)}</td><td>{P1(p.GainCaptured)}</td><td>{p.DistinctSequences:#,0}</td>", section, StringComparison.Ordinal);
        }

        Assert.Contains("<tr class=\"chosen\"><th scope=\"row\">Leadwise per lead <strong>(recommended)</strong></th>", section, StringComparison.Ordinal);
        Assert.Contains($"split seed {evaluation.Seed}", section, StringComparison.Ordinal);
        Assert.Contains("30% of the leads held out", section, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Value_The_Baselines_Like_The_Recommendation_And_Say_Why_An_Estimate_Is_Withheld()
    {
        // Given: Leadwise per campaign withheld on every weighting estimator, popularity with DR only
        var evaluation = SampleMessageEvaluation.Create();
        var perCampaign = evaluation.OffPolicy.Single(r => r.Policy == SampleMessageEvaluation.PerCampaign);
        var popularity = evaluation.OffPolicy.Single(r => r.Policy == SampleMessageEvaluation.Popularity);

        // When
        var html = HtmlModelReport.Render(sample.Content with { MessageEvaluation = evaluation });
        var section = Section(html);

        // Then: their rows sit in the one off-policy table, in the input's order, after the recommendation's
        var offPolicy = section[section.IndexOf("<table class=\"off-policy\">", StringComparison.Ordinal)..section.IndexOf("<table class=\"overlap\">", StringComparison.Ordinal)];
        var rows = Regex.Matches(offPolicy, "<th scope=\"row\">([^<]+)").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value).Trim()).ToArray();
        Assert.Equal(evaluation.OffPolicy.Select(r => r.Policy), rows);
        foreach (var kind in new[] { EstimatorKind.InversePropensity, EstimatorKind.SelfNormalised, EstimatorKind.DoublyRobust })
        {
            Assert.Contains($"<li><strong>Cannot support the estimate:</strong> {perCampaign.Policy}, {Label(kind)}: {WebUtility.HtmlEncode(perCampaign[kind]!.Note)}</li>", section, StringComparison.Ordinal);
        }

        Assert.Contains($"<li><strong>Cannot support the estimate:</strong> {popularity.Policy}, IPS: {WebUtility.HtmlEncode(popularity[EstimatorKind.InversePropensity]!.Note)}</li>", section, StringComparison.Ordinal);
        Assert.Contains($"<li><strong>Note:</strong> {popularity.Policy}, DR: {WebUtility.HtmlEncode(popularity[EstimatorKind.DoublyRobust]!.Note)}</li>", section, StringComparison.Ordinal);

        // and the policy chart draws them too
        var policyAlt = WebUtility.HtmlDecode(ImageTag().Matches(section)[0].Groups["alt"].Value);
        var dr = popularity[EstimatorKind.DoublyRobust]!;
        Assert.Contains($"{popularity.Policy}: IPS not supported, SNIPS not supported, DR {F1(dr.Value!.Value * 100)} ({F1(dr.Low!.Value * 100)}–{F1(dr.High!.Value * 100)})", policyAlt, StringComparison.Ordinal);
        Assert.Contains($"{perCampaign.Policy}: IPS not supported, SNIPS not supported, DR not supported", policyAlt, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Show_The_Held_Out_Quality_Of_Every_Step_And_The_Acceptance()
    {
        // Given
        var evaluation = SampleMessageEvaluation.Create();

        // When
        var section = Section(HtmlModelReport.Render(sample.Content with { MessageEvaluation = evaluation }));

        // Then
        foreach (var (stage, name) in evaluation.HazardSteps.Select(s => (s, $"reply at step {s.Step}")).Append((evaluation.Acceptance!, "invite acceptance")))
        {
            var auc = double.IsNaN(stage.RocAuc) ? "–" : stage.RocAuc.ToString("0.000", Invariant);
            Assert.Contains($"<th scope=\"row\">{name}</th><td>{stage.Rows:#,0}</td><td>{stage.Positives:#,0}</td><td>{auc}</td><td>{stage.CalibrationError.ToString("0.0000", Invariant)}</td><td>{P2(stage.MeanPredicted)}</td><td>{P2(stage.ObservedRate)}</td>", section, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Should_Say_The_Logs_Cannot_Support_The_Recommendation_And_Fall_Back_On_Logged_Sequences()
    {
        // Given: the per-lead recommendation withheld on every weighting estimator
        var evaluation = SampleMessageEvaluation.Create();
        var restricted = evaluation.OffPolicy.Single(r => r.Policy == SampleMessageEvaluation.LoggedOnly)[EstimatorKind.DoublyRobust]!;
        var current = evaluation.OffPolicy.Single(r => r.Policy == SampleMessageEvaluation.Current)[EstimatorKind.DoublyRobust]!;
        var model = evaluation.OffPolicy.Single(r => r.Policy == SampleMessageEvaluation.Recommended)[EstimatorKind.ModelOnly]!;

        // When
        var verdict = HtmlModelReport.Verdict(evaluation);

        // Then: the DR reason, the model's own figure, and the restricted policy against the current one
        Assert.StartsWith("The logs cannot support an estimate for the recommended sequences (too little overlap: 31 % of the leads get an invite never", verdict, StringComparison.Ordinal);
        Assert.Contains($"The model alone expects {F1(model.Value!.Value * 100)} replies per 100 leads against {F1(current.Value!.Value * 100)} now", verdict, StringComparison.Ordinal);
        var difference = (restricted.Value!.Value - current.Value.Value) * 100;
        Assert.Contains($"estimated (DR) to get {F1(Math.Abs(difference))} {(difference >= 0 ? "more" : "fewer")} replies per 100 leads than the current ones: {F1(restricted.Value.Value * 100)} (95 % interval {F1(restricted.Low!.Value * 100)}–{F1(restricted.High!.Value * 100)})", verdict, StringComparison.Ordinal);
        var truth = evaluation.Truth!.Policies.Single(p => p.Policy == SampleMessageEvaluation.Recommended);
        Assert.Contains($"By the ground truth the recommendation gets {F1(truth.MeanReplyProbability * 100)} replies per 100 leads", verdict, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(verdict), Section(HtmlModelReport.Render(sample.Content with { MessageEvaluation = evaluation })), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Quote_The_Doubly_Robust_Difference_When_The_Logs_Support_The_Recommendation()
    {
        // Given: the recommendation's DR supported, its IPS not
        var evaluation = SampleMessageEvaluation.Create();
        var recommended = evaluation.OffPolicy[0] with
        {
            Estimates =
            [
                new(EstimatorKind.InversePropensity, null, null, null, false, "too little overlap"),
                new(EstimatorKind.SelfNormalised, 0.0512, 0.0433, 0.0601, true, null),
                new(EstimatorKind.DoublyRobust, 0.0538, 0.0461, 0.0622, true, null),
                new(EstimatorKind.ModelOnly, 0.0717, 0.0697, 0.0738, true, null),
            ],
        };
        evaluation = evaluation with { OffPolicy = [recommended, .. evaluation.OffPolicy.Skip(1)], Truth = null };
        var dr = recommended[EstimatorKind.DoublyRobust]!;
        var current = evaluation.OffPolicy.Single(r => r.Policy == SampleMessageEvaluation.Current)[EstimatorKind.DoublyRobust]!;

        // When
        var verdict = HtmlModelReport.Verdict(evaluation);

        // Then
        Assert.Equal(
            $"The recommended sequences are estimated (DR) to get {F1((dr.Value!.Value - current.Value!.Value) * 100)} more replies per 100 leads than the current ones: {F1(dr.Value.Value * 100)} per 100 leads (95 % interval {F1(dr.Low!.Value * 100)}–{F1(dr.High!.Value * 100)}) against {F1(current.Value.Value * 100)} now.",
            verdict);
    }

    [Fact]
    public void Should_Draw_Two_Charts_As_Pngs_With_Their_Numbers_In_The_Alt_Text()
    {
        // Given
        var evaluation = SampleMessageEvaluation.Create();

        // When
        var images = ImageTag().Matches(Section(HtmlModelReport.Render(sample.Content with { MessageEvaluation = evaluation })));

        // Then
        Assert.Equal(2, images.Count);
        foreach (Match image in images)
        {
            var png = Convert.FromBase64String(image.Groups["data"].Value);
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png.Take(4));
            using var bitmap = SKBitmap.Decode(png);
            Assert.Equal(2 * int.Parse(image.Groups["width"].Value, Invariant), bitmap.Width);
            Assert.Equal(2 * int.Parse(image.Groups["height"].Value, Invariant), bitmap.Height);
            Assert.InRange(int.Parse(image.Groups["width"].Value, Invariant), 300, 660); // two abreast fit 1366 px
        }

        var policyAlt = WebUtility.HtmlDecode(images[0].Groups["alt"].Value);
        var logged = evaluation.OffPolicy.Single(r => r.Policy == SampleMessageEvaluation.Current)[EstimatorKind.InversePropensity]!;
        Assert.Contains($"{SampleMessageEvaluation.Current}: IPS {F1(logged.Value!.Value * 100)} ({F1(logged.Low!.Value * 100)}–{F1(logged.High!.Value * 100)})", policyAlt, StringComparison.Ordinal);
        Assert.Contains($"{SampleMessageEvaluation.Recommended}: IPS not supported", policyAlt, StringComparison.Ordinal);
        var stepAlt = WebUtility.HtmlDecode(images[1].Groups["alt"].Value);
        foreach (var step in evaluation.HazardSteps.Where(s => !double.IsNaN(s.RocAuc)))
        {
            Assert.Contains($"step {step.Step} {step.RocAuc.ToString("0.000", Invariant)} ({step.Rows:#,0} rows, {step.Positives:#,0} replies)", stepAlt, StringComparison.Ordinal);
        }

        Assert.Contains("step 4 has no AUC", stepAlt, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Encode_Policy_Names_And_Reasons()
    {
        // Given
        var evaluation = SampleMessageEvaluation.Create();
        var hostile = evaluation.OffPolicy[0] with
        {
            Policy = "<b>A&B</b>",
            Estimates = [.. evaluation.OffPolicy[0].Estimates.Select(e => e.Supported ? e : e with { Note = "<script>alert(1)</script>" })],
        };
        evaluation = evaluation with { OffPolicy = [hostile, .. evaluation.OffPolicy.Skip(1)], RecommendedPolicy = hostile.Policy, HazardTrainer = "\"x\"" };

        // When
        var section = Section(HtmlModelReport.Render(sample.Content with { MessageEvaluation = evaluation }));

        // Then
        Assert.Contains("&lt;b&gt;A&amp;B&lt;/b&gt;", section, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", section, StringComparison.Ordinal);
        Assert.Contains("reply hazard: &quot;x&quot;", section, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", section, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", section, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Say_Why_There_Is_No_Evaluation()
    {
        // Given
        var content = sample.Content with { MessageEvaluation = null, MessageEvaluationMissing = "Too few <replies> to train." };

        // When
        var section = Section(HtmlModelReport.Render(content));

        // Then
        Assert.Equal("<section id=\"messages\">\n<h2>Which message to send</h2>\n<p class=\"empty\">Too few &lt;replies&gt; to train.</p>\n</section>", section);
    }

    private static string Section(string html)
    {
        var start = html.IndexOf("<section id=\"messages\">", StringComparison.Ordinal);
        Assert.True(start >= 0, "no recommendation section");
        var end = html.IndexOf("</section>", start, StringComparison.Ordinal);
        return html[start..(end + "</section>".Length)];
    }

    private static string P1(double value) => double.IsNaN(value) ? "–" : value.ToString("0.0 %", Invariant);

    private static string P2(double value) => value.ToString("0.00 %", Invariant);

    private static string F1(double value) => value.ToString("0.0", Invariant);

    private static string Label(EstimatorKind kind) => kind switch
    {
        EstimatorKind.InversePropensity => "IPS",
        EstimatorKind.SelfNormalised => "SNIPS",
        EstimatorKind.DoublyRobust => "DR",
        _ => "DM (model only)",
    };

    [GeneratedRegex("<img src=\"data:image/png;base64,(?<data>[A-Za-z0-9+/=]+)\" width=\"(?<width>\\d+)\" height=\"(?<height>\\d+)\" alt=\"(?<alt>[^\"]*)\">")]
    private static partial Regex ImageTag();
}
