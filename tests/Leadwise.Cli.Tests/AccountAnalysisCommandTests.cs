using System.Globalization;
using System.Text.RegularExpressions;
using Leadwise.Core.Outreach;
using Leadwise.Data.Postgres;
using Leadwise.Learning.Features;
using Leadwise.Learning.Insights;
using Leadwise.Learning.Monitoring;
using Leadwise.Learning.Registry;
using Leadwise.Recommend.Hazards;
using Leadwise.Recommend.Messages;
using Leadwise.Recommend.Registry;
using Leadwise.Reports;
using Leadwise.Reports.Content;
using Leadwise.Testing.Postgres;

namespace Leadwise.Cli.Tests;

/// <summary>
/// <c>--account</c> on <c>drift</c>, <c>report</c>, <c>insights</c> and <c>messages insights|score</c>, on a store generated
/// like <see cref="GeneratedStore"/> (6000 leads, seed 3, several accounts), on SQLite and on PostgreSQL: every figure
/// equals the library's run on that account's leads only (read from the store by the test), with the model the
/// account is served (its own promoted one, else the install-wide one); an unknown account is an error naming it, and
/// another account's campaign answers as a missing one.
/// </summary>
public abstract partial class AccountAnalysisCommandTests : IDisposable
{
    private const string AsOf = "2024-06-30T00:00:00Z";
    private const string UnknownAccount = "987654321";
    private readonly TempFolder _folder = new();

    public void Dispose()
    {
        _folder.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>A new, empty store location on this suite's backend (a SQLite file goes into <paramref name="folder"/>).</summary>
    private protected abstract Task<string> CreateLocationAsync(TempFolder folder);

    [SkippableFact]
    public async Task DriftReportAndMessageInsights_ForAnAccount_EqualTheLibraryOnItsLeads_WithTheModelItIsServed()
    {
        // Given: install-wide models (versions 1 and 2) and the largest account's own (3 and 4); a third account has none
        var database = await ImportGeneratedAsync();
        var accounts = await AccountsByLeadsAsync(database);
        var (first, third) = (accounts[0], accounts[2]);
        Assert.Equal(ExitCodes.Success, (await CliRun.RunAsync("train", "--db", database, "--folds", "3")).ExitCode);
        var own = await CliRun.RunAsync("train", "--db", database, "--folds", "3", "--account", Id(first));
        Assert.Contains($"Saved the sequence model as version 4 of account {Id(first)}", own.Output, StringComparison.Ordinal);
        var reportFile = _folder.Combine("first.html");
        var wholeReportFile = _folder.Combine("whole.html");

        // When
        var driftFirst = await CliRun.RunAsync("drift", "--db", database, "--all-leads", "--as-of", AsOf, "--account", Id(first));
        var driftThird = await CliRun.RunAsync("drift", "--db", database, "--all-leads", "--as-of", AsOf, "--account", Id(third));
        var report = await CliRun.RunAsync("report", "--db", database, "--out", reportFile, "--account", Id(first));
        var wholeReport = await CliRun.RunAsync("report", "--db", database, "--out", wholeReportFile);
        var messagesFirst = await CliRun.RunAsync("messages", "insights", "--db", database, "--account", Id(first));
        var messagesThird = await CliRun.RunAsync("messages", "insights", "--db", database, "--account", Id(third));

        // Then: drift compares each account's leads with the model it is served: the first its own (3), the third the install-wide one (1)
        Assert.All(new[] { driftFirst, driftThird, report, wholeReport, messagesFirst, messagesThird }, run => Assert.True(run.ExitCode == ExitCodes.Success, run.Output));
        await using var store = await StoreFactory.OpenAsync(database, mustExist: true, CancellationToken.None);
        var firstsLeads = await StoreLeads.ReadAsync(store, first, CancellationToken.None);
        var thirdsLeads = await StoreLeads.ReadAsync(store, third, CancellationToken.None);
        var everyLead = await StoreLeads.ReadAsync(store, CancellationToken.None);
        var asOf = DateTimeOffset.Parse(AsOf, CultureInfo.InvariantCulture);
        var conversions = new ConversionModelRegistry(store, TimeProvider.System);
        AssertDrift(driftFirst.Output, 3, CurrentLeadsDrift.Measure(await conversions.LoadAsync(3, CancellationToken.None), firstsLeads, asOf, allLeads: true).Report);
        AssertDrift(driftThird.Output, 1, CurrentLeadsDrift.Measure(await conversions.LoadAsync(1, CancellationToken.None), thirdsLeads, asOf, allLeads: true).Report);
        Assert.NotEqual(everyLead.All.Count, thirdsLeads.All.Count);

        // the report is on the account's own model with the insights of its leads only (the whole store's differ), and
        // its recommendation evaluation starts from the account's own sequence model
        Assert.Contains("Wrote the report on model version 3", report.Output, StringComparison.Ordinal);
        Assert.Contains("sequence model version 4 retrained", report.Output, StringComparison.Ordinal);
        var expected = StoredModelReport.Build(3, await conversions.LoadAsync(3, CancellationToken.None), firstsLeads, store.Description, DateTimeOffset.UtcNow);
        var insights = InsightsSection(await File.ReadAllTextAsync(reportFile));
        Assert.Equal(InsightsSection(HtmlModelReport.Render(expected)), insights);
        Assert.NotEqual(InsightsSection(await File.ReadAllTextAsync(wholeReportFile)), insights);

        // another account's version is not found, as a missing one, and nothing is written
        var othersVersion = await CliRun.RunAsync("report", "--db", database, "--out", _folder.Combine("other.html"), "--account", Id(third), "--version", "3");
        var missingVersion = await CliRun.RunAsync("report", "--db", database, "--out", _folder.Combine("other.html"), "--account", Id(third), "--version", "99");
        Assert.Equal((ExitCodes.BadInput, ExitCodes.BadInput), (othersVersion.ExitCode, missingVersion.ExitCode));
        Assert.Equal(Flat(missingVersion.Output).Replace("99", "#", StringComparison.Ordinal), Flat(othersVersion.Output).Replace("3", "#", StringComparison.Ordinal));
        Assert.False(File.Exists(_folder.Combine("other.html")));

        // messages insights: each step's sends and replies are the account's, and the factors come from the model it is served
        AssertMessageSteps(messagesFirst.Output, firstsLeads);
        AssertMessageSteps(messagesThird.Output, thirdsLeads);
        Assert.Contains("Message factors, sequence model v4:", messagesFirst.Output, StringComparison.Ordinal);
        Assert.Contains("Message factors, sequence model v2:", messagesThird.Output, StringComparison.Ordinal);

        // messages score on the first account's largest campaign (without --account) uses its own sequence model, on its
        // leads (those not yet contacted are seen as of now: the seconds between the run and the check do not show in 0.01 %)
        var campaign = firstsLeads.All.GroupBy(f => f.Lead.CampaignId).OrderByDescending(g => g.Count()).ThenBy(g => g.Key.Value).First().Key;
        var draft = await CliRun.RunAsync("messages", "score", "--db", database, "--campaign", campaign.Value.ToString(CultureInfo.InvariantCulture), "--step", "1", "--text", "Hi {{ first_name }}, worth a chat?");
        Assert.True(draft.ExitCode == ExitCodes.Success, draft.Output);
        var sequenceModel = await new HazardModelRegistry(store, TimeProvider.System).LoadAsync(4, CancellationToken.None);
        var campaignLeads = firstsLeads.All.Where(f => f.Lead.CampaignId == campaign).ToList();
        var waiting = campaignLeads.Where(f => f.Lead.InviteSentAt is null).ToList();
        var messages = firstsLeads.Messages.GetValueOrDefault(campaign) ?? [];
        var now = DateTimeOffset.UtcNow;
        var scoredOn = (waiting.Count > 0 ? waiting : campaignLeads).Select(f => PreContactFacts.Of(f, messages) ?? PreContactFacts.ForScoring(f, messages, now)).ToList();
        var score = DraftScoring.Score(sequenceModel, campaignLeads[0].Campaign!, messages, scoredOn, 1, "Hi {{ first_name }}, worth a chat?");
        Assert.Contains("(sequence model version 4)", draft.Output, StringComparison.Ordinal);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"predicted reply rate at this step {score.DraftHazard:P2}"), draft.Output, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Insights_ForAnAccount_EqualTheLibraryOnItsLeads_AndUnknownAccountsAndOtherAccountsCampaignsAreRefused()
    {
        // Given
        var database = await ImportGeneratedAsync();
        var accounts = await AccountsByLeadsAsync(database);
        var (first, second) = (accounts[0], accounts[1]);
        StoreLeads seconds;
        CampaignId othersCampaign;
        await using (var store = await StoreFactory.OpenAsync(database, mustExist: true, CancellationToken.None))
        {
            seconds = await StoreLeads.ReadAsync(store, second, CancellationToken.None);
            othersCampaign = (await store.ReadCampaignsAsync(first, CancellationToken.None).FirstAsync()).Id;
        }

        // When
        var insights = await CliRun.RunAsync("insights", "--db", database, "--account", Id(second), "--top", "3", "--min-leads", "20");
        var unknown = await Task.WhenAll(new[] { new[] { "drift" }, ["report"], ["insights"], ["messages", "insights"], ["messages", "score", "--campaign", "1", "--step", "0", "--text", "Hi"] }
            .Select(command => CliRun.RunAsync([.. command, "--db", database, "--account", UnknownAccount])));

        // Then: the header and the strongest values on each side are the library's on the second account's invited leads
        Assert.True(insights.ExitCode == ExitCodes.Success, insights.Output);
        var expected = ConversionInsights.ForLeads(seconds.Invited, seconds.Replied, new InsightOptions { MinLeads = 20 });
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"{expected.Leads:N0} invited leads, {expected.Converted:N0} replied: base rate {expected.BaseRate:P2}."), insights.Output, StringComparison.Ordinal);
        foreach (var insight in expected.MoreLikely.Take(3).Concat(expected.LessLikely.Take(3)))
        {
            Assert.Matches(string.Create(CultureInfo.InvariantCulture,
                $@"│ {Regex.Escape(insight.Attribute)}\s+│ {Regex.Escape(insight.Value)}\s+│\s+{insight.Leads:N0} │\s+{insight.Converted:N0} │\s+{Regex.Escape(insight.Rate.ToString("P1", CultureInfo.InvariantCulture))} "), insights.Output);
        }

        // an unknown account is named; another account's campaign is answered as one that does not exist
        Assert.All(unknown, run => Assert.Equal(ExitCodes.BadInput, run.ExitCode));
        Assert.All(unknown, run => Assert.Contains($"--account: There is no account (user) {UnknownAccount} in", Flat(run.Output), StringComparison.Ordinal));
        var other = await CliRun.RunAsync("messages", "score", "--db", database, "--campaign", othersCampaign.Value.ToString(CultureInfo.InvariantCulture), "--step", "0", "--text", "Hi", "--account", Id(second));
        var missing = await CliRun.RunAsync("messages", "score", "--db", database, "--campaign", "987654", "--step", "0", "--text", "Hi", "--account", Id(second));
        Assert.Equal((ExitCodes.BadInput, ExitCodes.BadInput), (other.ExitCode, missing.ExitCode));
        Assert.Equal(Flat(missing.Output).Replace("987654", "#", StringComparison.Ordinal), Flat(other.Output).Replace(othersCampaign.Value.ToString(CultureInfo.InvariantCulture), "#", StringComparison.Ordinal));
        Assert.Contains("There is no campaign #", Flat(other.Output).Replace(othersCampaign.Value.ToString(CultureInfo.InvariantCulture), "#", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    private static void AssertDrift(string output, int version, DriftReport expected)
    {
        var title = string.Create(CultureInfo.InvariantCulture, $"Drift: model version {version}'s training data vs {expected.Rows:N0} current leads");
        Assert.True(Flat(output).Contains(title, StringComparison.Ordinal), $"no \"{title}\" in:\n{output}");
        Assert.Matches($@"predicted probability\s*│\s*{F3(expected.ProbabilityPsi)}\s", output);
        foreach (var feature in expected.Features)
        {
            Assert.Matches($@"│ {Regex.Escape(feature.Feature)}\s*│\s*{F3(feature.Psi)}\s", output);
        }
    }

    private static void AssertMessageSteps(string output, StoreLeads leads)
    {
        var steps = MessageInsights.Build(HazardRows.Build(leads.All, leads.Messages), new InsightOptions());
        Assert.NotEmpty(steps);
        foreach (var step in steps)
        {
            Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"{step.Label}: {step.Report.Leads:N0} sends, {step.Report.Converted:N0} replies, reply rate {step.Report.BaseRate:P2}"), output, StringComparison.Ordinal);
        }
    }

    private static string InsightsSection(string html)
    {
        var match = Regex.Match(html, "<section id=\"insights\">.*?</section>", RegexOptions.Singleline);
        Assert.True(match.Success, "the report has no insights section");
        return match.Value;
    }

    private static string F3(double value) => Regex.Escape(value.ToString("F3", CultureInfo.InvariantCulture));

    private static string Id(UserId account) => account.Value.ToString(CultureInfo.InvariantCulture);

    private static string Flat(string output) => WhiteSpace().Replace(output, " ");

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    private async Task<string> ImportGeneratedAsync()
    {
        var export = _folder.Combine("export");
        var database = await CreateLocationAsync(_folder);
        Assert.Equal(ExitCodes.Success, (await CliRun.RunAsync("generate", "--leads", "6000", "--seed", "3", "--out", export)).ExitCode);
        Assert.Equal(ExitCodes.Success, (await CliRun.RunAsync("import", export, "--db", database)).ExitCode);
        return database;
    }

    /// <summary>The store's accounts, most leads first (at least three: the generated store has more).</summary>
    private static async Task<IReadOnlyList<UserId>> AccountsByLeadsAsync(string database)
    {
        await using var store = await StoreFactory.OpenAsync(database, mustExist: true, CancellationToken.None);
        var campaigns = await store.ReadCampaignsAsync(CancellationToken.None).ToDictionaryAsync(c => c.Id, c => c.UserId);
        var leads = await store.ReadLeadsAsync(CancellationToken.None).ToListAsync();
        var accounts = leads.GroupBy(l => campaigns[l.CampaignId]).Select(g => (g.Key, Count: g.Count())).ToList();
        Assert.True(accounts.Count >= 3, $"the generated store has leads of {accounts.Count} account(s)");
        return [.. accounts.OrderByDescending(a => a.Count).ThenBy(a => a.Key.Value).Select(a => a.Key)];
    }
}

/// <summary>The suite on a SQLite file.</summary>
public sealed class SqliteAccountAnalysisCommandTests : AccountAnalysisCommandTests
{
    private protected override Task<string> CreateLocationAsync(TempFolder folder) => Task.FromResult(folder.Combine("leadwise.db"));
}

/// <summary>The suite on the assembly's throwaway PostgreSQL server, a schema per store.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresAccountAnalysisCommandTests(PostgresServerFixture server) : AccountAnalysisCommandTests
{
    private protected override Task<string> CreateLocationAsync(TempFolder folder) => server.CreateStoreLocationAsync(CancellationToken.None);
}
