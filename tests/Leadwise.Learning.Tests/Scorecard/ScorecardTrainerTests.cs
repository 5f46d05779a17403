using Leadwise.Learning.Evaluation;
using Leadwise.Learning.Scorecard;
using Leadwise.Learning.Tests.Support;
using Leadwise.Scoring.Engine;
using Leadwise.Scoring.Reports;
using Leadwise.Scoring.Rules;
using Xunit.Abstractions;

namespace Leadwise.Learning.Tests.Scorecard;

public sealed class ScorecardTrainerTests(ITestOutputHelper output)
{
    [Fact]
    public void LearnedRulesFile_Validates_AndScoresEveryLeadExactlyAsTheScorecard()
    {
        // Given
        var leads = GeneratedLeads.Get(12_000, 42).All;
        var model = new ScorecardTrainer().Fit(leads);

        // When
        var yaml = model.ToYaml();
        var diagnostics = RulesLoader.Validate(yaml, "learned.yaml");
        var engine = new ScoringEngine(RulesLoader.Parse(yaml, "learned.yaml"));

        // Then
        output.WriteLine(yaml);
        Assert.Empty(diagnostics);
        Assert.Contains("field: seniority", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("field: gender", yaml, StringComparison.Ordinal);
        Assert.Contains("gender: no buying signal", yaml, StringComparison.Ordinal);
        foreach (var facts in leads.Where(l => l.Lead.InviteSentAt is not null))
        {
            var invited = facts.Lead.InviteSentAt!.Value;
            Assert.Equal(model.Points(facts, invited), engine.Total(facts, invited));
        }
    }

    [Fact]
    public void HeldOutAuc_BeatsTheDefaultRules_AndIsAtLeastRulesSuggests()
    {
        // Given generated leads split 70/30 (stratified on replied, seed 0)
        var invited = GeneratedLeads.Get(20_000, 42).All.Where(l => l.Lead.InviteSentAt is not null).ToList();
        var heldOut = StratifiedSplit.HoldOut([.. invited.Select(l => l.Lead.Replied == true)], 0.3, seed: 0);
        var training = invited.Where((_, i) => !heldOut[i]).ToList();
        var test = invited.Where((_, i) => heldOut[i]).ToList();

        // When each rules file is fitted on the training part and ranks the held-out part as of each invite
        var learned = RankingEvaluation.Build(RulesLoader.Parse(new ScorecardTrainer().Fit(training).ToYaml()), test);
        var suggested = RankingEvaluation.Build(RulesLoader.Parse(new RuleSuggester().SuggestYaml(training)), test);
        var defaults = RankingEvaluation.Build(RulesLoader.LoadDefault(), test);

        // Then
        output.WriteLine($"held-out {test.Count} leads ({learned.Converted} replied): learned {learned.Auc:F3}, suggest {suggested.Auc:F3}, default {defaults.Auc:F3}");
        Assert.True(learned.Auc > defaults.Auc + 0.1, $"learned {learned.Auc} vs default {defaults.Auc}");
        Assert.True(learned.Auc >= suggested.Auc, $"learned {learned.Auc} vs suggest {suggested.Auc}");
    }

    [Fact]
    public void SameLeads_GiveTheSameFile()
    {
        var leads = GeneratedLeads.Get(4_000, 3).All;

        Assert.Equal(new ScorecardTrainer().Fit(leads).ToYaml(), new ScorecardTrainer().Fit(leads).ToYaml());
    }

    [Fact]
    public void Bins_HaveAtLeastTheMinimumSupport_AndWeightOfEvidenceFollowsTheirRates()
    {
        var model = new ScorecardTrainer(new ScorecardOptions { MinSupport = 200 }).Fit(GeneratedLeads.Get(12_000, 42).All);

        var seniority = model.Attributes.Single(a => a.Name == "seniority");
        Assert.All(model.Attributes.SelectMany(a => a.Bins).Where(b => b.Label != "(other)"), bin => Assert.True(bin.Leads >= 200, $"{bin.Label}: {bin.Leads}"));
        // WoE = ln((c + ½)/(C + ½) ÷ (n − c + ½)/(N − C + ½)) per bin, against the training totals
        var (n, c) = (model.Leads, model.Converted);
        Assert.All(seniority.Bins, bin => Assert.Equal(
            Math.Log((bin.Converted + 0.5) / (c + 0.5) / ((bin.Leads - bin.Converted + 0.5) / (n - c + 0.5))),
            bin.WeightOfEvidence,
            12));
        Assert.True(seniority.Coefficient > 0);
        Assert.True(seniority.Bins.Single(b => b.Label == "Student").Points > seniority.Bins.Single(b => b.Label == "Executive").Points);
    }

    [Fact]
    public void Fit_WithoutConversions_SaysWhy()
    {
        var leads = GeneratedLeads.Get(4_000, 3).All.Select(l => l with { Lead = l.Lead with { Replied = false } }).ToList();

        var error = Assert.Throws<Leadwise.Learning.Training.NotEnoughDataException>(() => new ScorecardTrainer().Fit(leads));
        Assert.Contains("0 converted", error.Message, StringComparison.Ordinal);
    }
}
