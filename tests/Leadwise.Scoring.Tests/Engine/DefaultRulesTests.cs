using Leadwise.Core.Engagement;
using Leadwise.Scoring.Engine;
using Leadwise.Scoring.Rules;
using Leadwise.Testing.Outreach;

namespace Leadwise.Scoring.Tests.Engine;

public sealed class DefaultRulesTests
{
    private static readonly ScoringEngine Engine = new(RulesLoader.LoadDefault());

    [Fact]
    public void Default_file_loads_without_warnings()
    {
        // Given / When
        var rules = RulesLoader.LoadDefault();

        // Then
        Assert.Empty(rules.Warnings);
        Assert.True(rules.Rules.Count >= 30);
        Assert.Equal("A", rules.Grades.Of(80));
    }

    [Fact]
    public void Realistic_lead_scores_with_explained_hits()
    {
        // Given: a German CEO with a corporate address who replied and looked at pricing
        var lead = new LeadBuilder().RepliedAtStep(1).Build() with
        {
            Title = "Geschäftsführer",
            Email = "anna@beispiel-ag.de",
        };
        var facts = Facts.Of(lead, Facts.Event(EventTypes.PricingPageView, 30), Facts.Event(EventTypes.PageView, 1));

        // When
        var score = Engine.Score(facts, Facts.AsOf);

        // Then: 25 + 10 + 5 + 5 + 30 (replied) + 10 (invite accepted) + 5 + 2*2^(-1/30)
        Assert.Equal(90 + 2 * Math.Pow(2, -1.0 / 30), score.Total, 6);
        Assert.Equal("A", score.Grade);
        Assert.Contains(score.Hits, h => h.RuleId == "seniority-executive" && h.Reason == "title \"Geschäftsführer\" → Executive");
        Assert.Contains(score.Hits, h => h.RuleId == "web-pricing-page" && h.Points == 5);
        Assert.Equal(score.Total, score.Subtotals.Values.Sum(), 9);
        Assert.Equal(score.Total, score.Hits.Sum(h => h.Points), 9);
        Assert.Equal(score.Total, Engine.Total(facts, Facts.AsOf), 9);
    }
}
