using Leadwise.Core.Engagement;
using Leadwise.Core.Scoring;
using Leadwise.Scoring.Reports;
using Leadwise.Scoring.Rules;

namespace Leadwise.Scoring.Tests.Reports;

public sealed class RankingEvaluationTests
{
    private const string Rules = """
        rules:
          - id: replied
            group: Email
            field: replied
            equals: true
            points: 30
          - id: pricing
            group: Website
            event: pricing_page_view
            points: 10
        """;

    private static readonly DateTimeOffset Invited = Facts.AsOf.AddDays(-20);

    private static LeadFacts Lead(bool replied, params EngagementEvent[] events) =>
        Facts.Of(lead => lead with { InviteSentAt = Invited, Replied = replied }, events);

    [Fact]
    public void RulesThatReadTheOutcome_AreLeftOut_SoTheReplyCannotScoreItself()
    {
        // Given: repliers differ from the others only by having replied
        var leads = Enumerable.Range(0, 20).Select(i => Lead(replied: i % 2 == 0)).ToList();

        // When
        var evaluation = RankingEvaluation.Build(RulesLoader.Parse(Rules), leads);

        // Then: no signal left, so a ranking no better than chance
        Assert.Equal(["replied"], evaluation.RulesLeftOut);
        Assert.Equal(0.5, evaluation.Auc);
        Assert.Equal(20, evaluation.Leads);
        Assert.Equal(10, evaluation.Converted);
    }

    [Fact]
    public void EventsAfterTheInvite_AreUnseen_AndEventsBeforeItCount()
    {
        // Given: every replier viewed the pricing page, either before or only after its invite
        var before = Enumerable.Range(0, 10).Select(i => Lead(replied: i < 5, i < 5 ? [Facts.EventAt(EventTypes.PricingPageView, Invited.AddDays(-3))] : [])).ToList();
        var after = Enumerable.Range(0, 10).Select(i => Lead(replied: i < 5, i < 5 ? [Facts.EventAt(EventTypes.PricingPageView, Invited.AddDays(3))] : [])).ToList();
        var rules = RulesLoader.Parse(Rules);

        // When / Then
        Assert.Equal(1.0, RankingEvaluation.Build(rules, before).Auc);
        Assert.Equal(0.5, RankingEvaluation.Build(rules, after).Auc);
    }

    [Fact]
    public void LeadsNeverInvited_AreNotEvaluated()
    {
        var leads = new[] { Lead(replied: true), Facts.Of(lead => lead with { InviteSentAt = null, Replied = false }) };

        var evaluation = RankingEvaluation.Build(RulesLoader.Parse(Rules), leads);

        Assert.Equal(1, evaluation.Leads);
        Assert.True(double.IsNaN(evaluation.Auc));
    }
}
