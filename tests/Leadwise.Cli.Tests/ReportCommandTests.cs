using System.Net;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Leadwise.Cli.Tests;

/// <summary>
/// <c>leadwise report</c> on the shared generated store (6,000 leads, seed 3) once its models are trained: the page has
/// the "Which message to send" section with the numbers <c>leadwise evaluate recommend</c> prints for the same seed;
/// an unreadable <c>--truth</c> is one line and writes nothing.
/// </summary>
public sealed class ReportCommandTests(GeneratedStore store, ITestOutputHelper output) : IClassFixture<GeneratedStore>
{
    private static readonly string[] OffPolicyPolicies = ["Leadwise per lead", "Leadwise per campaign", "Leadwise best logged sequence", "best single sequence (from the logs)", "most replied per step", "SVD collaborative filtering", "logged sequence"];

    [Fact]
    public async Task Report_with_a_sequence_model_shows_the_recommendation_evaluation_evaluate_recommend_prints()
    {
        // Given: the conversion and sequence models trained and promoted
        var train = await CliRun.RunAsync("train", "--db", store.Database, "--folds", "3");
        Assert.True(train.ExitCode == ExitCodes.Success, train.Output);
        Assert.Contains("Saved the sequence model as version", train.Output, StringComparison.Ordinal);
        var export = store.Folder.Combine("export");
        var file = store.Folder.Combine("report.html");

        // When: the report and evaluate recommend, both with evaluate's default seed and hold-out, and the truth
        var report = await CliRun.RunAsync("report", "--db", store.Database, "--out", file, "--truth", export);
        var evaluate = await CliRun.RunAsync("evaluate", "recommend", "--db", store.Database, "--truth", export);
        output.WriteLine(report.Output);
        output.WriteLine(evaluate.Output);

        // Then: the section is there, its progress was shown, and every off-policy cell equals evaluate's
        Assert.True(report.ExitCode == ExitCodes.Success, report.Output);
        Assert.True(evaluate.ExitCode == ExitCodes.Success, evaluate.Output);
        Assert.Matches(@"Evaluating the recommendations on held-out leads \(sequence model version \d+ retrained; split seed 0, 30% held out\): 100%", report.Output);
        var html = await File.ReadAllTextAsync(file);
        Assert.Contains("<section id=\"messages\">\n<h2>Which message to send</h2>", html, StringComparison.Ordinal);
        Assert.Contains("30% of the leads held out at random, split seed 0", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"verdict\"><strong>", html, StringComparison.Ordinal);
        foreach (var policy in OffPolicyPolicies)
        {
            var printed = Cells(evaluate.Output, policy, columns: 5); // IPS, SNIPS, DR, DM, true value
            var shown = Regex.Match(html, "<th scope=\"row\">" + Regex.Escape(policy) + @"(?: <strong>\(recommended\)</strong>)?</th>((?:<td>[^<]*</td>){5})</tr>");
            Assert.True(shown.Success, $"no off-policy row for {policy} in the report");
            Assert.Equal(printed, Regex.Matches(shown.Groups[1].Value, "<td>([^<]*)</td>").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToArray());
        }

        // the recommended policy's and the attainable policy's figures in the truth table, and the held-out step-0 row, match too
        foreach (var policy in new[] { "Leadwise per lead", "attainable (Bayes, from the logs)" })
        {
            var truth = Cells(evaluate.Output[evaluate.Output.IndexOf("True value on held-out leads", StringComparison.Ordinal)..], policy, columns: 5);
            Assert.Contains($"<th scope=\"row\">{policy}</th><td>{string.Join("</td><td>", truth)}</td>", html, StringComparison.Ordinal);
        }

        var step0 = Cells(evaluate.Output, "reply at step 0", columns: 6);
        Assert.Contains($"<th scope=\"row\">reply at step 0</th><td>{string.Join("</td><td>", step0)}</td>", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"(src|href)=""https?://", html);
    }

    [Fact]
    public async Task Report_with_an_unreadable_truth_exits_one_and_writes_nothing()
    {
        // Given: the truth is read before anything else, so no model is needed to see it refused
        var file = store.Folder.Combine("no-report.html");

        // When
        var run = await CliRun.RunAsync("report", "--db", store.Database, "--out", file, "--truth", store.Folder.Combine("nowhere"));

        // Then
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("cannot read the ground truth", run.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(file));
        Assert.False(File.Exists(file + ".tmp"));
    }

    /// <summary>The cells after the row header <paramref name="row"/> in a Spectre table, trimmed.</summary>
    private static string[] Cells(string console, string row, int columns)
    {
        var match = Regex.Match(console, "│ " + Regex.Escape(row) + @" +│(?<cells>(?:[^│\n]*│){" + columns + "})");
        Assert.True(match.Success, $"no row {row} in:\n{console}");
        return [.. match.Groups["cells"].Value.Split('│', StringSplitOptions.RemoveEmptyEntries).Select(c => c.Trim())];
    }
}
