using System.Text.RegularExpressions;
using Leadwise.Scoring.Rules;

namespace Leadwise.Cli.Tests;

public sealed class InsightsCommandTests(GeneratedStore store) : IClassFixture<GeneratedStore>
{
    [Fact]
    public async Task Insights_ShowsWhatConvertedLeadsHaveInCommon_StrongestFirst()
    {
        var run = await CliRun.RunAsync("insights", "--db", store.Database, "--top", "5");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("What converted leads have in common", run.Output, StringComparison.Ordinal);
        Assert.Contains("Less likely to reply", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"invited leads, [\d,]+ replied: base rate \d+\.\d\d %", run.Output);
        // The generator's students reply most and its executives least (true seniority effects +0.3 … −0.4).
        Assert.Matches(new Regex(@"seniority\s*│\s*Student"), run.Output);
        Assert.Matches(new Regex(@"seniority\s*│\s*(Executive|Director)"), run.Output);
    }

    [Fact]
    public async Task Insights_LeavesOutValuesOnFewerLeadsThanMinLeads()
    {
        var run = await CliRun.RunAsync("insights", "--db", store.Database, "--min-leads", "100000");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.DoesNotContain("seniority", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RulesLearn_WritesAFileThatLoads_AndComparesItWithSuggestAndTheDefaults()
    {
        var file = store.Folder.Combine("learned-rules.yaml");

        var run = await CliRun.RunAsync("rules", "learn", "--db", store.Database, "--out", file, "--holdout", "0.3", "--seed", "0");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        foreach (var row in new[] { "learned scorecard (rules learn)", "rules suggest (same training part)", "built-in default rules", "points per doubling" })
        {
            Assert.Contains(row, run.Output, StringComparison.Ordinal);
        }

        var rules = RulesLoader.Parse(await File.ReadAllTextAsync(file), "learned-rules.yaml");
        Assert.Contains(rules.Rules, rule => rule.Id.StartsWith("learned-seniority-", StringComparison.Ordinal));
        var check = await CliRun.RunAsync("rules", "check", file, "--db", store.Database);
        Assert.Equal(ExitCodes.Success, check.ExitCode);
    }

    [Fact]
    public async Task RulesLearn_SameSeed_SameFile()
    {
        var first = await CliRun.RunAsync("rules", "learn", "--db", store.Database, "--seed", "4");
        var second = await CliRun.RunAsync("rules", "learn", "--db", store.Database, "--seed", "4");

        Assert.Equal(ExitCodes.Success, first.ExitCode);
        Assert.Equal(first.Output, second.Output);
    }

    [Fact]
    public async Task RulesLearn_RejectsAHoldOutOutsideZeroToOne()
    {
        var run = await CliRun.RunAsync("rules", "learn", "--db", store.Database, "--holdout", "1.5");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--holdout must lie strictly between 0 and 1", run.Output, StringComparison.Ordinal);
    }
}
