using System.Globalization;
using System.Text.RegularExpressions;
using Leadwise.Cli.Commands;
using Leadwise.Data.Sqlite;
using Leadwise.Learning.Features;
using Leadwise.Recommend.Evaluation;
using Xunit.Abstractions;

namespace Leadwise.Cli.Tests;

/// <summary>
/// <c>leadwise evaluate recommend</c> on the shared generated store (6,000 leads, seed 3): held-out model quality per
/// step, the off-policy table with overlap, and with <c>--truth</c> every policy's true value; bad truth and hold-out
/// values are clear errors.
/// </summary>
public sealed class EvaluateCommandTests(GeneratedStore store, ITestOutputHelper output) : IClassFixture<GeneratedStore>
{
    [Fact]
    public async Task Evaluate_recommend_with_the_truth_prints_model_quality_off_policy_estimates_and_true_values()
    {
        var run = await CliRun.RunAsync("evaluate", "recommend", "--db", store.Database, "--seed", "1", "--truth", store.Folder.Combine("export"));
        output.WriteLine(run.Output);

        Assert.True(run.ExitCode == ExitCodes.Success, run.Output);
        Assert.Contains("Sequence model on held-out leads", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"reply at step 0 +│ +[\d,]+ │ +\d+ │ +0\.\d{3} │", run.Output);
        Assert.Contains("invite acceptance", run.Output, StringComparison.Ordinal);
        Assert.Contains("Off-policy value from the logs", run.Output, StringComparison.Ordinal);

        // The logged policy is always supported: its three weighting estimators print a value with an interval, and its true value beside them.
        var logged = Regex.Match(run.Output, @"│ logged sequence +│ +(?<ips>[\d.]+) % \[(?<low>[\d.]+) %, (?<high>[\d.]+) %\] │[^│]+│[^│]+│[^│]+│ +(?<truth>[\d.]+) % │");
        Assert.True(logged.Success, run.Output);
        var low = double.Parse(logged.Groups["low"].Value, CultureInfo.InvariantCulture);
        var high = double.Parse(logged.Groups["high"].Value, CultureInfo.InvariantCulture);
        var truth = double.Parse(logged.Groups["truth"].Value, CultureInfo.InvariantCulture);
        Assert.InRange(truth, low - 0.5, high + 0.5);
        Assert.Contains("Overlap with the logged choices", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"│ Leadwise per lead +│", run.Output);
        Assert.Matches(@"│ Leadwise best logged sequence +│", run.Output);

        Assert.Contains("True value on held-out leads (ground truth)", run.Output, StringComparison.Ordinal);
        foreach (var policy in new[] { "oracle", "attainable (Bayes, from the logs)", "truth without latent traits", "Leadwise per lead", "best single sequence (by the truth)", "best single sequence (from the logs)", "most replied per step", "SVD collaborative filtering", "logged sequence" })
        {
            Assert.Matches(@"│ " + Regex.Escape(policy) + @" +│ +[\d.]+ % │ +[\d.]+ pp │", run.Output);
        }
    }

    [Fact]
    public async Task Evaluate_recommend_prints_an_off_policy_and_overlap_row_per_baseline_equal_to_the_library()
    {
        // Given: the library's evaluation of the same store, truth and seed
        var export = store.Folder.Combine("export");
        RecommendationEvaluationReport expected;
        await using (var opened = await SqliteLeadwiseStore.OpenAsync(store.Database, CancellationToken.None))
        {
            var leads = await StoreLeads.ReadAsync(opened, CancellationToken.None);
            var campaigns = await EvaluateCommand.ReadCampaignsAsync(opened, account: null, CancellationToken.None);
            var truth = await EvaluateCommand.LoadTruthAsync(export, CancellationToken.None);
            expected = RecommendationEvaluation.Run(leads.All, campaigns, leads.Messages, truth, new PolicyEvaluationOptions { Seed = 2 });
        }

        // When
        var run = await CliRun.RunAsync("evaluate", "recommend", "--db", store.Database, "--seed", "2", "--truth", export);
        output.WriteLine(run.Output);

        // Then: every baseline has its row in both tables, cell for cell the library's numbers
        Assert.True(run.ExitCode == ExitCodes.Success, run.Output);
        string[] baselines = [PolicyEvaluationReport.LeadwiseCampaign, PolicyEvaluationReport.BestSingleLogged, PolicyEvaluationReport.Popularity, PolicyEvaluationReport.Svd];
        Assert.All(baselines, baseline => Assert.Contains(expected.OffPolicy, e => e.Policy == baseline));
        var overlapTable = run.Output[run.Output.IndexOf("Overlap with the logged choices", StringComparison.Ordinal)..];
        foreach (var estimate in expected.OffPolicy)
        {
            string[] estimates = [.. estimate.Estimators.Select(e => e.Value is { } v ? string.Create(CultureInfo.InvariantCulture, $"{v:P2} [{e.Low:P2}, {e.High:P2}]") : "not supported"), expected.OffPolicyTruth![estimate.Policy].ToString("P2", CultureInfo.InvariantCulture)];
            Assert.Equal(estimates, Cells(run.Output, estimate.Policy, columns: 5));
            var o = estimate.Overlap;
            string[] overlap = [.. new[] { o.InviteMatches, o.SequenceMatches }.Select(n => n.ToString("N0", CultureInfo.InvariantCulture)),
                o.InviteEffectiveSampleSize.ToString("N0", CultureInfo.InvariantCulture), o.SequenceEffectiveSampleSize.ToString("N0", CultureInfo.InvariantCulture),
                o.NearZeroInviteShare.ToString("P1", CultureInfo.InvariantCulture), o.UnloggedSequenceShare.ToString("P1", CultureInfo.InvariantCulture), o.MaxWeight.ToString("N1", CultureInfo.InvariantCulture)];
            Assert.Equal(overlap, Cells(overlapTable, estimate.Policy, columns: 7));
            foreach (var withheld in estimate.Estimators.Where(e => !e.Supported))
            {
                Assert.Contains($"{estimate.Policy}, {withheld.Estimator}: {withheld.Note}", Regex.Replace(run.Output, @"\s*\n\s*", " "), StringComparison.Ordinal);
            }
        }

        // and the truth table's attainable row, and Leadwise's share of its gain, are the library's
        var truthReport = expected.Truth!;
        var attainable = truthReport[PolicyEvaluationReport.Attainable];
        var truthTable = run.Output[run.Output.IndexOf("True value on held-out leads (ground truth)", StringComparison.Ordinal)..];
        string[] attainableCells = [attainable.MeanReplyProbability.ToString("P2", CultureInfo.InvariantCulture), string.Create(CultureInfo.InvariantCulture, $"{attainable.Regret * 100:F2} pp")];
        Assert.Equal(attainableCells, Cells(truthTable, PolicyEvaluationReport.Attainable, columns: 2));
        Assert.Contains(
            string.Create(CultureInfo.InvariantCulture, $"Leadwise per lead {truthReport.AttainableGainCaptured(PolicyEvaluationReport.Leadwise):P1}"),
            Regex.Replace(run.Output, @"\s*\n\s*", " "), StringComparison.Ordinal);
    }

    /// <summary>The cells after the row header <paramref name="row"/> in a Spectre table, trimmed.</summary>
    private static string[] Cells(string console, string row, int columns)
    {
        var match = Regex.Match(console, "│ " + Regex.Escape(row) + @" +│(?<cells>(?:[^│\n]*│){" + columns + "})");
        Assert.True(match.Success, $"no row {row} in:\n{console}");
        return [.. match.Groups["cells"].Value.Split('│', StringSplitOptions.RemoveEmptyEntries).Select(c => c.Trim())];
    }

    [Fact]
    public async Task Evaluate_recommend_without_truth_prints_no_true_values()
    {
        var run = await CliRun.RunAsync("evaluate", "recommend", "--db", store.Database, "--hold-out", "0.4");

        Assert.True(run.ExitCode == ExitCodes.Success, run.Output);
        Assert.Contains("Off-policy value from the logs", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("True value", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"message\s+text:\s+not\s+read", run.Output);
    }

    [Fact]
    public async Task Evaluate_recommend_with_message_text_trains_the_sequence_model_on_the_text_too()
    {
        var run = await CliRun.RunAsync("evaluate", "recommend", "--db", store.Database, "--hold-out", "0.4", "--message-text", "--text-reader", "components", "--text-dimensions", "3");
        output.WriteLine(run.Output);

        Assert.True(run.ExitCode == ExitCodes.Success, run.Output);
        Assert.Matches(@"message\s+text:\s+3\s+components\)", run.Output);
        Assert.Matches(@"reply at step 0 +│ +[\d,]+ │ +\d+ │ +0\.\d{3} │", run.Output);

        // The default reader flags the sentences the generated templates share (greetings, openers, closings)
        var sentences = await CliRun.RunAsync("evaluate", "recommend", "--db", store.Database, "--hold-out", "0.4", "--message-text");
        Assert.True(sentences.ExitCode == ExitCodes.Success, sentences.Output);
        var count = Regex.Match(sentences.Output, @"message\s+text:\s+(?<n>\d+)\s+recurring\s+sentences\)");
        Assert.True(count.Success, sentences.Output);
        Assert.InRange(int.Parse(count.Groups["n"].Value, CultureInfo.InvariantCulture), 10, 80);
    }

    [Fact]
    public async Task Evaluate_recommend_split_by_time_holds_out_the_newest_invited_leads()
    {
        var run = await CliRun.RunAsync("evaluate", "recommend", "--db", store.Database, "--split-by-time", "--hold-out", "0.25");
        output.WriteLine(run.Output);

        Assert.True(run.ExitCode == ExitCodes.Success, run.Output);
        var split = Regex.Match(run.Output, @"Split by time \(the newest 25 % of invited leads held out\): the sequence model trained on (?<training>[\d,]+) leads .*evaluated on (?<heldOut>[\d,]+) held-out leads");
        Assert.True(split.Success, run.Output);
        var training = int.Parse(split.Groups["training"].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
        var heldOut = int.Parse(split.Groups["heldOut"].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
        Assert.Equal(6000, training + heldOut); // the fixture generates 6,000 leads
        Assert.InRange(heldOut, 0.1 * 6000, 0.25 * 6000);
        Assert.Contains("Off-policy value from the logs", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_recommend_rejects_a_missing_or_foreign_truth_and_a_bad_hold_out()
    {
        var missing = await CliRun.RunAsync("evaluate", "recommend", "--db", store.Database, "--truth", store.Folder.Combine("nowhere"));
        Assert.Equal(ExitCodes.BadInput, missing.ExitCode);
        Assert.Contains("cannot read the ground truth", missing.Output, StringComparison.Ordinal);

        var other = store.Folder.Combine("other");
        Assert.Equal(ExitCodes.Success, (await CliRun.RunAsync("generate", "--leads", "300", "--seed", "11", "--out", other)).ExitCode);
        var foreign = await CliRun.RunAsync("evaluate", "recommend", "--db", store.Database, "--truth", other);
        Assert.Equal(ExitCodes.BadInput, foreign.ExitCode);
        Assert.Contains("does not belong to this store", foreign.Output, StringComparison.Ordinal);

        var badShare = await CliRun.RunAsync("evaluate", "recommend", "--db", store.Database, "--hold-out", "1.5");
        Assert.Equal(ExitCodes.Usage, badShare.ExitCode);

        var noComponents = await CliRun.RunAsync("evaluate", "recommend", "--db", store.Database, "--message-text", "--text-dimensions", "0");
        Assert.Equal(ExitCodes.Usage, noComponents.ExitCode);
        Assert.Matches(@"--text-dimensions\s+must\s+be\s+at\s+least\s+1", noComponents.Output);

        var readerWithoutText = await CliRun.RunAsync("evaluate", "recommend", "--db", store.Database, "--text-reader", "components");
        Assert.Equal(ExitCodes.Usage, readerWithoutText.ExitCode);
        Assert.Matches(@"--text-reader\s+only\s+applies\s+with\s+--message-text", readerWithoutText.Output);
        var dimensionsWithoutText = await CliRun.RunAsync("evaluate", "recommend", "--db", store.Database, "--text-dimensions", "4");
        Assert.Equal(ExitCodes.Usage, dimensionsWithoutText.ExitCode);
        var unknownReader = await CliRun.RunAsync("evaluate", "recommend", "--db", store.Database, "--message-text", "--text-reader", "paragraphs");
        Assert.Equal(ExitCodes.Usage, unknownReader.ExitCode);
    }
}
