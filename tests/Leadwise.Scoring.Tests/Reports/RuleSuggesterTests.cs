using Leadwise.Core.Scoring;
using Leadwise.Scoring.Engine;
using Leadwise.Scoring.Reports;
using Leadwise.Scoring.Rules;
using Leadwise.Testing.Outreach;

namespace Leadwise.Scoring.Tests.Reports;

public sealed class RuleSuggesterTests
{
    /// <summary>
    /// 1,200 invited leads: executives reply 30% of the time, engineers 10% (3×) (the base rate sits between),
    /// deterministic by index so the test needs no random numbers.
    /// </summary>
    private static LeadFacts[] PlantedLeads() =>
    [
        .. Enumerable.Range(0, 1200).Select(i =>
        {
            var executive = i % 2 == 0;
            var replied = executive ? i % 20 < 6 : i % 20 == 1;
            var builder = new LeadBuilder().WithId(i);
            var lead = (replied ? builder.RepliedAtStep(1) : builder.SentStepsUpTo(1)).Build() with
            {
                Title = executive ? "Chief Executive Officer" : "Software Engineer",
                Country = i % 3 == 0 ? "Austria" : "Germany",
                Email = "lead@beispiel-ag.de",
            };
            return Facts.Of(lead);
        }),
    ];

    [Fact]
    public void Planted_effect_gets_clearly_positive_points_for_executives()
    {
        // Given
        var leads = PlantedLeads();

        // When
        var suggestions = new RuleSuggester().Suggest(leads);

        // Then
        var executive = Assert.Single(suggestions, s => s.Field == "seniority" && s.Value == "Executive");
        Assert.Equal(600, executive.Leads);
        Assert.Equal(180, executive.Converted);
        Assert.True(executive.Points >= 4, $"points {executive.Points}");
        Assert.True(executive.Significant);
        var individual = Assert.Single(suggestions, s => s.Field == "seniority" && s.Value == "Individual");
        Assert.True(individual.Points <= -4, $"points {individual.Points}");
        Assert.Contains(suggestions, s => s.Field == SuggestOptions.TitleTokens && s.Value == "chief" && s.Points > 0);
    }

    [Fact]
    public void Values_below_min_support_are_skipped()
    {
        // Given
        var leads = PlantedLeads()[..50];

        // When
        var suggestions = new RuleSuggester(new SuggestOptions { MinSupport = 30 }).Suggest(leads);

        // Then: 25 executives and 25 engineers, both under 30
        Assert.DoesNotContain(suggestions, s => s.Field == "seniority");
    }

    [Fact]
    public void Suggested_file_loads_back_and_scores_executives_higher()
    {
        // Given
        var leads = PlantedLeads();
        var suggester = new RuleSuggester();

        // When
        var yaml = suggester.SuggestYaml(leads);
        var rules = RulesLoader.Parse(yaml, "suggested.yaml");
        var engine = new ScoringEngine(rules);

        // Then
        Assert.Empty(rules.Warnings);
        Assert.Contains(rules.Rules, r => r.Id == "suggest-seniority-executive" && r.Points > 0);
        Assert.True(engine.Total(leads[0], Facts.AsOf) > engine.Total(leads[1], Facts.AsOf));
    }

    [Fact]
    public void No_invited_leads_gives_an_empty_file_that_still_loads()
    {
        // Given / When
        var yaml = new RuleSuggester().SuggestYaml([Facts.Of(l => l)]);

        // Then
        Assert.Empty(RulesLoader.Parse(yaml).Rules);
    }
}
