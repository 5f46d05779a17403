using System.Globalization;
using Leadwise.Data.Sqlite;

namespace Leadwise.Cli.Tests;

/// <summary>Point scoring through the CLI on a generated store: score, explain, rules, events and companies import.</summary>
public sealed class ScoringCommandTests : IDisposable
{
    private const string AsOf = "2024-06-30";
    private readonly TempFolder _folder = new();
    private readonly string _export;
    private readonly string _database;

    public ScoringCommandTests()
    {
        _export = _folder.Combine("export");
        _database = _folder.Combine("leadwise.db");
    }

    public void Dispose() => _folder.Dispose();

    private async Task GenerateAndImportAsync(int leads = 600)
    {
        Assert.Equal(ExitCodes.Success, (await CliRun.RunAsync("generate", "--leads", leads.ToString(CultureInfo.InvariantCulture), "--seed", "5", "--out", _export)).ExitCode);
        Assert.Equal(ExitCodes.Success, (await CliRun.RunAsync("import", _export, "--db", _database)).ExitCode);
    }

    [Fact]
    public async Task EventsAndCompaniesImport_LoadTheGeneratedFiles_AndReimportingAddsNothing()
    {
        await GenerateAndImportAsync();

        var companies = await CliRun.RunAsync("companies", "import", Path.Combine(_export, "companies.csv"), "--db", _database);
        var events = await CliRun.RunAsync("events", "import", Path.Combine(_export, "events.csv"), "--db", _database);
        var again = await CliRun.RunAsync("events", "import", Path.Combine(_export, "events.csv"), "--db", _database);

        Assert.Equal(ExitCodes.Success, companies.ExitCode);
        Assert.Equal(ExitCodes.Success, events.ExitCode);
        Assert.Equal(ExitCodes.Success, again.ExitCode);
        Assert.Contains("Already present", again.Output, StringComparison.Ordinal);
        await using var store = await SqliteLeadwiseStore.OpenAsync(_database, CancellationToken.None);
        var counts = await store.CountScoringDataAsync(CancellationToken.None);
        Assert.True(counts.Events > 0);
        Assert.True(counts.Companies > 0);
        Assert.Equal(File.ReadLines(Path.Combine(_export, "events.csv")).Count() - 1, counts.Events);
        var status = await CliRun.RunAsync("status", "--db", _database);
        Assert.Matches(@"Engagement events\s+│\s+" + counts.Events.ToString("N0", CultureInfo.InvariantCulture), status.Output);
        Assert.Matches(@"Companies\s+│\s+" + counts.Companies.ToString("N0", CultureInfo.InvariantCulture), status.Output);
    }

    [Fact]
    public async Task EventsImport_OfAnEventForAnUnknownLead_ExitsOne_WithItsLineAndColumn()
    {
        await GenerateAndImportAsync(200);
        var events = _folder.Combine("events.csv");
        await File.WriteAllTextAsync(events, "leadId,type,occurredAt,clientEventId,url,campaign\n42,page_view,2024-06-01 10:00:00+00,x-1,,\n");

        var run = await CliRun.RunAsync("events", "import", events, "--db", _database, "--rejects", _folder.Combine("rejects.csv"));

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("events.csv:2:1: column \"leadId\"", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Score_StoresAScoreForEveryLead_AndShowsBestLeadsAndGrades()
    {
        await GenerateAndImportAsync();

        var run = await CliRun.RunAsync("score", "--db", _database, "--as-of", AsOf, "--top", "5");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("Best leads", run.Output, StringComparison.Ordinal);
        Assert.Contains("Grades", run.Output, StringComparison.Ordinal);
        await using var store = await SqliteLeadwiseStore.OpenAsync(_database, CancellationToken.None);
        Assert.Equal(600, (await store.CountScoringDataAsync(CancellationToken.None)).Scores);
        var scores = await store.ReadScoresAsync(CancellationToken.None).ToListAsync();
        Assert.All(scores, score => Assert.Equal(new DateTimeOffset(2024, 6, 30, 0, 0, 0, TimeSpan.Zero), score.AsOf));
        Assert.Contains(scores, score => score.Grade == "D");
    }

    [Fact]
    public async Task Explain_ShowsEveryRuleThatFired_AndTheTotalMatchesTheStoredScore()
    {
        await GenerateAndImportAsync();
        Assert.Equal(ExitCodes.Success, (await CliRun.RunAsync("score", "--db", _database, "--as-of", AsOf)).ExitCode);
        await using var store = await SqliteLeadwiseStore.OpenAsync(_database, CancellationToken.None);
        var best = (await store.ReadScoresAsync(CancellationToken.None).ToListAsync()).MaxBy(score => score.Total)!;

        var run = await CliRun.RunAsync("explain", best.LeadId.ToString(), "--db", _database, "--as-of", AsOf);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"Total {best.Total:0.#} points, grade {best.Grade}"), run.Output, StringComparison.Ordinal);
        foreach (var hit in best.Hits)
        {
            Assert.Contains(hit.RuleId, run.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Explain_OfAnUnknownLead_ExitsOne()
    {
        await GenerateAndImportAsync(100);

        var run = await CliRun.RunAsync("explain", "12345", "--db", _database);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("There is no lead 12345", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RulesCheck_OfABadFile_ExitsOne_NamingLineAndRule()
    {
        var rules = _folder.Combine("bad.yaml");
        await File.WriteAllTextAsync(rules, "rules:\n  - id: oops\n    group: Demographics\n    field: title\n    equal: CEO\n    points: 5\n");

        var run = await CliRun.RunAsync("rules", "check", rules, "--db", _folder.Combine("none.db"));

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Matches(@"bad\.yaml:\d+:\d+: error: rule ""oops""", run.Output);
    }

    [Fact]
    public async Task Score_WithABadRulesFile_ExitsOne_WithoutAStackTrace()
    {
        await GenerateAndImportAsync(100);
        var rules = _folder.Combine("bad.yaml");
        await File.WriteAllTextAsync(rules, "rules:\n  - id: x\n    group: Nowhere\n    field: title\n    equals: CEO\n    points: 5\n");

        var run = await CliRun.RunAsync("score", "--db", _database, "--rules", rules);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("bad.yaml:3", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RulesSuggest_WritesAFileThatRulesCheckAccepts_AndReportsTheRankingBeforeContact()
    {
        await GenerateAndImportAsync(3000);
        var suggested = _folder.Combine("suggested.yaml");

        var suggest = await CliRun.RunAsync("rules", "suggest", "--db", _database, "--out", suggested, "--min-support", "40");
        var check = await CliRun.RunAsync("rules", "check", suggested, "--db", _database, "--as-of", AsOf);

        Assert.Equal(ExitCodes.Success, suggest.ExitCode);
        Assert.Contains("suggest-seniority", await File.ReadAllTextAsync(suggested), StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, check.ExitCode);
        Assert.Contains("is valid", check.Output, StringComparison.Ordinal);
        Assert.Contains("Ranking before contact", check.Output, StringComparison.Ordinal);
        Assert.Matches(@"ROC AUC vs replied: 0\.\d{3}", check.Output);
    }

    [Fact]
    public async Task RulesDefault_WritesTheBuiltInRules_WhichCheckAsValid()
    {
        var rules = _folder.Combine("default.yaml");

        var written = await CliRun.RunAsync("rules", "default", "--out", rules);
        var check = await CliRun.RunAsync("rules", "check", rules, "--db", _folder.Combine("none.db"));

        Assert.Equal(ExitCodes.Success, written.ExitCode);
        Assert.Equal(ExitCodes.Success, check.ExitCode);
        Assert.Contains("default.yaml is valid", check.Output, StringComparison.Ordinal);
        Assert.Contains("No store to test it on", check.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Score_AsOfThatIsNotADate_IsABadInput()
    {
        await GenerateAndImportAsync(100);

        var run = await CliRun.RunAsync("score", "--db", _database, "--as-of", "yesterday-ish");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("--as-of", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RulesCheck_WithoutAFile_ChecksTheBuiltInRules_RuleByRule()
    {
        await GenerateAndImportAsync(1500);

        var run = await CliRun.RunAsync("rules", "check", "--db", _database, "--as-of", AsOf);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("the built-in rules is valid", run.Output, StringComparison.Ordinal);
        Assert.Contains("seniority-executive", run.Output, StringComparison.Ordinal);
        Assert.Contains("Difference (95% CI)", run.Output, StringComparison.Ordinal);
    }
}
