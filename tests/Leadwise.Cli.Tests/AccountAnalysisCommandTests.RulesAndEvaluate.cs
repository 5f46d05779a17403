using System.Globalization;
using System.Text.RegularExpressions;
using Leadwise.Data.Postgres;
using Leadwise.Learning.Evaluation;
using Leadwise.Learning.Features;
using Leadwise.Learning.Scorecard;
using Leadwise.Recommend.Evaluation;
using Leadwise.Scoring.Engine;
using Leadwise.Scoring.Reports;
using Leadwise.Scoring.Rules;

namespace Leadwise.Cli.Tests;

/// <summary><c>--account</c> on <c>evaluate recommend</c> and <c>rules check|suggest|learn</c>: the library's figures on the account's leads only.</summary>
public abstract partial class AccountAnalysisCommandTests
{
    [SkippableFact]
    public async Task EvaluateRecommendAndRules_ForAnAccount_EqualTheLibraryOnItsLeads_AndUnknownAccountsAreRefused()
    {
        // Given: a store of several accounts; the largest one's leads and campaigns, read by the test
        var database = await ImportGeneratedAsync();
        var first = (await AccountsByLeadsAsync(database))[0];
        var suggestedFile = _folder.Combine("suggested.yaml");
        var learnedFile = _folder.Combine("learned.yaml");

        // When
        var evaluate = await CliRun.RunAsync("evaluate", "recommend", "--db", database, "--seed", "1", "--account", Id(first));
        var check = await CliRun.RunAsync("rules", "check", "--db", database, "--as-of", AsOf, "--account", Id(first));
        var suggest = await CliRun.RunAsync("rules", "suggest", "--db", database, "--out", suggestedFile, "--min-support", "20", "--account", Id(first));
        var learn = await CliRun.RunAsync("rules", "learn", "--db", database, "--out", learnedFile, "--seed", "0", "--account", Id(first));
        var unknown = await Task.WhenAll(new[] { new[] { "evaluate", "recommend" }, ["rules", "check"], ["rules", "suggest"], ["rules", "learn"] }
            .Select(command => CliRun.RunAsync([.. command, "--db", database, "--account", UnknownAccount])));
        var noStore = await CliRun.RunAsync("rules", "check", "--db", _folder.Combine("none.db"), "--account", Id(first));

        // Then
        Assert.All(new[] { evaluate, check, suggest, learn }, run => Assert.True(run.ExitCode == ExitCodes.Success, run.Output));
        await using var store = await StoreFactory.OpenAsync(database, mustExist: true, CancellationToken.None);
        var firsts = await StoreLeads.ReadAsync(store, first, CancellationToken.None);
        var everyLead = await StoreLeads.ReadAsync(store, CancellationToken.None);
        Assert.NotEqual(everyLead.All.Count, firsts.All.Count);

        // evaluate recommend: the split, the model and every off-policy estimate are the library's on the account's leads and campaigns
        var campaigns = await store.ReadCampaignsAsync(first, CancellationToken.None).ToListAsync();
        var evaluation = RecommendationEvaluation.Run(firsts.All, campaigns, firsts.Messages, null, new PolicyEvaluationOptions { Seed = 1 });
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"trained on {evaluation.TrainingLeads:N0} leads"), Flat(evaluate.Output), StringComparison.Ordinal);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"evaluated on {evaluation.HeldOutLeads:N0} held-out leads"), Flat(evaluate.Output), StringComparison.Ordinal);
        Assert.NotEmpty(evaluation.OffPolicy);
        foreach (var estimate in evaluation.OffPolicy)
        {
            var cells = string.Join(@"\s*│\s*", estimate.Estimators.Select(e => Regex.Escape(e.Value is { } v ? string.Create(CultureInfo.InvariantCulture, $"{v:P2} [{e.Low:P2}, {e.High:P2}]") : "not supported")));
            Assert.Matches(@"│ " + Regex.Escape(estimate.Policy) + @"\s*│\s*" + cells + @"\s*│", evaluate.Output);
        }

        // rules check: each rule's hits and the ranking before contact are the library's on the account's leads
        var rules = RulesLoader.LoadDefault();
        var report = RulesReport.Build(new ScoringEngine(rules), firsts.All, DateTimeOffset.Parse(AsOf, CultureInfo.InvariantCulture));
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"{report.Leads:N0} leads, {report.Converted:N0} converted, {report.NonConverted:N0} invited without reply"), check.Output, StringComparison.Ordinal);
        Assert.Equal(firsts.All.Count, report.Leads);
        foreach (var rule in report.Rules)
        {
            Assert.Matches(string.Create(CultureInfo.InvariantCulture, $@"│ {Regex.Escape(rule.RuleId)}\s*│ {rule.Group}\s*│\s*{rule.Hits:N0} │\s*{Regex.Escape(rule.ConvertedRate.ToString("P1", CultureInfo.InvariantCulture))} │"), check.Output);
        }

        var ranking = RankingEvaluation.Build(rules, firsts.All);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"ROC AUC vs replied: {ranking.Auc:F3} over {ranking.Leads:N0} invited leads ({ranking.Converted:N0} replied)"), Flat(check.Output), StringComparison.Ordinal);

        // rules suggest and rules learn write the files the library derives from the account's leads
        var suggester = new RuleSuggester(new SuggestOptions { MinSupport = 20 });
        var suggestions = suggester.Suggest(firsts.All);
        var suggestedYaml = suggester.ToYaml(suggestions, firsts.All.Count(f => RulesReport.Outcome(f) is not null), firsts.All.Count(f => RulesReport.Outcome(f) == true));
        Assert.Equal(suggestedYaml, await File.ReadAllTextAsync(suggestedFile));
        var invited = firsts.All.Where(f => f.Lead.InviteSentAt is not null).ToList();
        var heldOut = StratifiedSplit.HoldOut([.. invited.Select(f => f.Lead.Replied == true)], 0.3, 0);
        var scorecard = new ScorecardTrainer(new ScorecardOptions()).Fit([.. invited.Where((_, i) => !heldOut[i])], CancellationToken.None);
        Assert.Equal(scorecard.ToYaml(), await File.ReadAllTextAsync(learnedFile));
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"Fitted on {invited.Count - heldOut.Count(h => h):N0} invited leads ({scorecard.Converted:N0} replied)"), Flat(learn.Output), StringComparison.Ordinal);

        // an unknown account is named, and so is a missing store, with nothing scored
        Assert.All(unknown, run => Assert.Equal(ExitCodes.BadInput, run.ExitCode));
        Assert.All(unknown, run => Assert.Contains($"--account: There is no account (user) {UnknownAccount} in", Flat(run.Output), StringComparison.Ordinal));
        Assert.Equal(ExitCodes.BadInput, noStore.ExitCode);
        Assert.Contains($"--account: There is no store at {_folder.Combine("none.db")} to find account (user) {Id(first)} in", Flat(noStore.Output), StringComparison.Ordinal);
        Assert.DoesNotContain("Rule hits", noStore.Output, StringComparison.Ordinal);
    }
}
