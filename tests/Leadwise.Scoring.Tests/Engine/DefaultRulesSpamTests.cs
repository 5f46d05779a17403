using Leadwise.Core.Engagement;
using Leadwise.Core.Scoring;
using Leadwise.Scoring.Engine;
using Leadwise.Scoring.Rules;

namespace Leadwise.Scoring.Tests.Engine;

public sealed class DefaultRulesSpamTests
{
    private static readonly ScoringEngine Engine = new(RulesLoader.LoadDefault());

    [Theory]
    [InlineData("Geschäftsführer", "seniority-executive", 25)]
    [InlineData("CEO & Founder", "seniority-executive", 25)]
    [InlineData("Head of Marketing", "seniority-director", 20)]
    [InlineData("Leiter Vertrieb", "seniority-director", 20)]
    [InlineData("Sales Manager", "seniority-manager", 10)]
    [InlineData("Teamleiterin Einkauf", "seniority-manager", 10)]
    [InlineData("Senior Software Engineer", "seniority-senior", 5)]
    [InlineData("Werkstudent Marketing", "seniority-student", -10)]
    [InlineData("Working Student", "seniority-student", -10)]
    public void German_and_english_titles_score_their_seniority(string title, string ruleId, double points)
    {
        // Given
        var facts = Facts.Of(l => l with { Title = title });

        // When
        var hits = Engine.Score(facts, Facts.AsOf).Hits.Where(h => h.RuleId.StartsWith("seniority-", StringComparison.Ordinal)).ToArray();

        // Then
        var hit = Assert.Single(hits);
        Assert.Equal(ruleId, hit.RuleId);
        Assert.Equal(points, hit.Points);
        Assert.Equal(ScoringModel.Demographics, hit.Model);
    }

    [Theory]
    [InlineData("spam-name-not-capitalised")]
    [InlineData("spam-keyboard-mash")]
    [InlineData("spam-placeholder")]
    [InlineData("spam-invalid-email")]
    [InlineData("spam-disposable-email")]
    [InlineData("spam-test-email")]
    [InlineData("spam-captcha-failed")]
    [InlineData("spam-rapid-form-submissions")]
    public void Every_spam_rule_fires_on_its_spam_lead(string ruleId)
    {
        // Given
        var at = Facts.AsOf.AddHours(-2);
        var facts = ruleId switch
        {
            "spam-name-not-capitalised" => Facts.Of(l => l with { FirstName = "anna", LastName = "schmidt" }),
            "spam-keyboard-mash" => Facts.Of(l => l with { CompanyName = "asdfgh" }),
            "spam-placeholder" => Facts.Of(l => l with { Title = "-" }),
            "spam-invalid-email" => Facts.Of(l => l with { Email = "anna.schmidt(at)beispiel.de" }),
            "spam-disposable-email" => Facts.Of(l => l with { Email = "anna@mailinator.com" }),
            "spam-test-email" => Facts.Of(l => l with { Email = "test@test.com" }),
            "spam-captcha-failed" => Facts.Of(l => l, Facts.Event(EventTypes.CaptchaFailed, 3), Facts.Event(EventTypes.CaptchaFailed, 2)),
            _ => Facts.Of(l => l, [.. Enumerable.Range(0, 3).Select(i => Facts.EventAt(EventTypes.FormSubmitted, at.AddSeconds(i * 2)))]),
        };
        var expected = RulesLoader.LoadDefault().Rules.Single(r => r.Id == ruleId).Points;

        // When
        var score = Engine.Score(facts, Facts.AsOf);

        // Then
        var hit = Assert.Single(score.Hits, h => h.RuleId == ruleId);
        Assert.Equal(ScoringModel.Spam, hit.Model);
        Assert.Equal(expected, hit.Points);
        Assert.True(hit.Points < 0);
    }

    [Theory]
    [InlineData("Ronald", "McDonald")]
    [InlineData("Jan", "van der Berg")]
    [InlineData("Siobhan", "O'Neil")]
    [InlineData("Andrew", "Ng")]
    [InlineData("Wei", "Li")]
    [InlineData("Maria", "de la Cruz")]
    public void Real_names_that_look_odd_lose_no_points(string first, string last)
    {
        // Given
        var baseline = Facts.Of(l => l);
        var facts = Facts.Of(l => l with { FirstName = first, LastName = last, Name = first + " " + last });

        // When
        var score = Engine.Score(facts, Facts.AsOf);

        // Then
        Assert.DoesNotContain(score.Hits, h => h.Model == ScoringModel.Spam);
        Assert.Equal(Engine.Total(baseline, Facts.AsOf), score.Total);
    }

    [Fact]
    public void A_spam_lead_ends_below_zero_with_every_signal_explained()
    {
        // Given
        var lead = Facts.Lead() with { FirstName = "asdf", LastName = "qwer", Name = "asdf qwer", Email = "x@mailinator.com", Title = "-" };

        // When
        var score = Engine.Score(Facts.Of(lead), Facts.AsOf);

        // Then
        Assert.True(score.Total < 0);
        Assert.Equal("D", score.Grade);
        Assert.All(score.Hits.Where(h => h.Model == ScoringModel.Spam), h => Assert.False(string.IsNullOrWhiteSpace(h.Reason)));
    }
}
