using System.Globalization;
using Leadwise.Data.Postgres;
using Leadwise.Testing.Postgres;

namespace Leadwise.Cli.Tests;

/// <summary>
/// The read-side commands print the same on a PostgreSQL store as on a SQLite store holding the same rows and models
/// (<see cref="PostgresCommandParityStores"/>): recommend (lead, exploring, campaign), evaluate recommend, report (the
/// HTML too), insights, messages insights and score, drift, explain, status, models list and show, and the rules commands
/// (check, suggest, learn, with their files).
/// Runs share one clock so nothing but the store can differ; the store's own name is the only text replaced.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresCommandParityTests(PostgresServerFixture server, PostgresCommandParityStores stores) : IClassFixture<PostgresCommandParityStores>
{
    private static readonly TimeProvider Clock = new FixedClock(new DateTimeOffset(2024, 7, 1, 9, 0, 0, TimeSpan.Zero));

    [SkippableFact]
    public async Task Recommend_ForALeadExploringOrNot_AndForACampaign_PrintsTheSame()
    {
        await EnsureAsync();
        var lead = stores.Known.Lead.Value.ToString(CultureInfo.InvariantCulture);
        var campaign = stores.Known.Campaign.Value.ToString(CultureInfo.InvariantCulture);

        await AssertSameAsync(["recommend", lead, "--runners-up", "2"], "Recommended sequence");
        await AssertSameAsync(["recommend", lead, "--explore", "--explore-seed", "7"], "Recommended sequence");
        await AssertSameAsync(["recommend", lead, "--all-users"], "Recommended sequence");
        await AssertSameAsync(["recommend", "--campaign", campaign], "Expected replies");
    }

    [SkippableFact]
    public async Task EvaluateRecommend_ByLeadWithTruth_AndByTime_PrintsTheSame()
    {
        await EnsureAsync();

        await AssertSameAsync(["evaluate", "recommend", "--seed", "1", "--truth", stores.Export], "IPS");
        await AssertSameAsync(["evaluate", "recommend", "--split-by-time", "--hold-out", "0.25"], "IPS");
    }

    [SkippableFact]
    public async Task Report_PrintsTheSame_AndWritesTheSamePage()
    {
        await EnsureAsync();
        var pages = new Dictionary<string, string>();

        foreach (var (name, location) in Backends())
        {
            var file = Path.Combine(Folder(name), "report.html");
            var run = await CliRun.RunAtAsync(Clock, "report", "--db", location, "--out", file, "--truth", stores.Export);
            Assert.True(run.ExitCode == ExitCodes.Success, run.Output);
            pages[name] = Normalise(await File.ReadAllTextAsync(file), location, name);
        }

        Assert.Contains("Which message to send", pages["sqlite"], StringComparison.Ordinal);
        Assert.Equal(pages["sqlite"], pages["postgres"]);
    }

    [SkippableFact]
    public async Task Insights_MessagesInsights_AndDrift_PrintTheSame()
    {
        await EnsureAsync();

        await AssertSameAsync(["insights", "--top", "5"], "│");
        await AssertSameAsync(["messages", "insights", "--min-sends", "30"], "│");
        await AssertSameAsync(["drift", "--as-of", "2024-06-30"], "PSI");
        await AssertSameAsync(["drift", "--all-leads"], "PSI");
        var campaign = stores.Known.Campaign.Value.ToString(CultureInfo.InvariantCulture);
        await AssertSameAsync(["messages", "score", "--campaign", campaign, "--step", "1", "--text", "Hi {firstName}, quick question: may I send you our pricing?"], "scored on its");
    }

    [SkippableFact]
    public async Task Explain_Status_AndTheModelRegistry_PrintTheSame()
    {
        await EnsureAsync();

        await AssertSameAsync(["explain", stores.Known.Lead.Value.ToString(CultureInfo.InvariantCulture), "--as-of", "2024-06-30"], "│");
        await AssertSameAsync(["status"], "│");
        await AssertSameAsync(["models", "list"], "│");
        await AssertSameAsync(["models", "show", "1"], "AUC");
    }

    [SkippableFact]
    public async Task RulesCheckSuggestAndLearn_PrintTheSame_AndWriteTheSameRules()
    {
        await EnsureAsync();
        var rules = Path.Combine(stores.Folder.Path, "default-rules.yaml");
        Assert.Equal(ExitCodes.Success, (await CliRun.RunAsync("rules", "default", "--out", rules)).ExitCode);

        await AssertSameAsync(["rules", "check", rules, "--as-of", "2024-06-30"], "AUC");
        var suggested = await AssertSameAsync(["rules", "suggest", "--out", "{dir}/suggested.yaml", "--min-support", "30"], "suggested.yaml");
        var learned = await AssertSameAsync(["rules", "learn", "--out", "{dir}/learned.yaml", "--seed", "0"], "AUC");

        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(Folder("sqlite"), "suggested.yaml")), await File.ReadAllTextAsync(Path.Combine(Folder("postgres"), "suggested.yaml")));
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(Folder("sqlite"), "learned.yaml")), await File.ReadAllTextAsync(Path.Combine(Folder("postgres"), "learned.yaml")));
        Assert.NotEmpty(suggested);
        Assert.NotEmpty(learned);
    }

    private Task EnsureAsync() => stores.EnsureAsync(() => server.CreateStoreLocationAsync(CancellationToken.None));

    private IEnumerable<(string Name, string Location)> Backends() => [("sqlite", stores.Sqlite), ("postgres", stores.Postgres)];

    /// <summary>A folder per backend for the files a command writes; both paths have the same length, so wrapping cannot differ.</summary>
    private string Folder(string backend)
    {
        var folder = Path.Combine(stores.Folder.Path, backend == "sqlite" ? "out-s" : "out-p");
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>
    /// Runs the command (<c>{dir}</c> in an argument is the backend's output folder) on both stores, requires success and
    /// <paramref name="expected"/> in the output, and requires the two outputs to be equal once each store's name and
    /// folder are replaced by the same placeholder. Returns the (normalised) output.
    /// </summary>
    private async Task<string> AssertSameAsync(string[] args, string expected)
    {
        var outputs = new Dictionary<string, string>();
        foreach (var (name, location) in Backends())
        {
            var run = await CliRun.RunAtAsync(Clock, [.. args.Select(a => a.Replace("{dir}", Folder(name), StringComparison.Ordinal)), "--db", location]);
            Assert.True(run.ExitCode == ExitCodes.Success, $"{name}: {string.Join(' ', args)}\n{run.Output}");
            outputs[name] = Normalise(run.Output, location, name);
        }

        Assert.Contains(expected, outputs["postgres"], StringComparison.Ordinal);
        Assert.Equal(outputs["sqlite"], outputs["postgres"]);
        return outputs["postgres"];
    }

    private string Normalise(string text, string location, string backend) =>
        text.Replace(StoreFactory.Describe(location), "<store>", StringComparison.Ordinal)
            .Replace(Folder(backend), "<dir>", StringComparison.Ordinal)
            .ReplaceLineEndings("\n");

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
