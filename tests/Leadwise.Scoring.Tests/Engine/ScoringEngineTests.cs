using Leadwise.Core.Companies;
using Leadwise.Core.Engagement;
using Leadwise.Core.Scoring;
using Leadwise.Scoring.Engine;
using Leadwise.Scoring.Rules;

namespace Leadwise.Scoring.Tests.Engine;

public sealed class ScoringEngineTests
{
    private static ScoringEngine EngineOf(string rules) => new(RulesLoader.Parse(rules));

    private static string Rule(string body) => "rules:\n  - id: r\n    group: Demographics\n    " + body;

    [Theory]
    [InlineData("field: country\n    equals: germany\n", "Germany", true)]
    [InlineData("field: country\n    equals: Austria\n", "Germany", false)]
    [InlineData("field: country\n    in: [Austria, Germany]\n", "Germany", true)]
    [InlineData("field: country\n    in: [Austria, Switzerland]\n", "Germany", false)]
    [InlineData("field: country\n    contains: erm\n", "Germany", true)]
    [InlineData("field: country\n    regex: '^G.*y$'\n", "Germany", true)]
    [InlineData("field: country\n    regex: '^g'\n", "Germany", false)]
    [InlineData("field: country\n    exists: true\n", "Germany", true)]
    [InlineData("field: country\n    exists: false\n", "  ", true)]
    [InlineData("field: country\n    exists: true\n", null, false)]
    public void Text_operators_test_the_field(string condition, string? country, bool fires)
    {
        // Given
        var engine = EngineOf(Rule(condition + "    points: 7\n"));
        var facts = Facts.Of(l => l with { Country = country });

        // When
        var total = engine.Total(facts, Facts.AsOf);

        // Then
        Assert.Equal(fires ? 7 : 0, total);
    }

    [Theory]
    [InlineData("range: {min: 50, max: 500}", 50, true)]
    [InlineData("range: {min: 50, max: 500}", 500, true)]
    [InlineData("range: {min: 50, max: 500}", 501, false)]
    [InlineData("range: {min: 50}", 100000, true)]
    [InlineData("range: {max: 9}", 10, false)]
    [InlineData("equals: 250", 250, true)]
    [InlineData("in: [10, 20]", 20, true)]
    [InlineData("exists: false", null, true)]
    public void Number_operators_test_company_employees(string condition, int? employees, bool fires)
    {
        // Given
        var engine = EngineOf(Rule($"field: company.employees\n    {condition}\n    points: 4\n"));
        var facts = Facts.Of(l => l) with { Company = new CompanyProfile { Name = "Beispiel AG", Employees = employees } };

        // When / Then
        Assert.Equal(fires ? 4 : 0, engine.Total(facts, Facts.AsOf));
    }

    [Fact]
    public void Flag_equals_and_negative_points()
    {
        // Given
        var engine = EngineOf(Rule("field: replied\n    equals: false\n    points: -5\n"));

        // When / Then
        Assert.Equal(-5, engine.Total(Facts.Of(l => l with { Replied = false }), Facts.AsOf));
        Assert.Equal(0, engine.Total(Facts.Of(l => l with { Replied = null }), Facts.AsOf));
    }

    [Fact]
    public void Field_rule_scores_once_however_the_field_reads()
    {
        // Given: a contains rule that would match twice in the text
        var engine = EngineOf(Rule("field: title\n    contains: head\n    points: 10\n"));

        // When
        var score = engine.Score(Facts.Of(l => l with { Title = "Head of Sales, Head of Marketing" }), Facts.AsOf);

        // Then
        Assert.Equal(10, score.Total);
        Assert.Single(score.Hits);
    }

    [Fact]
    public void Rule_cap_limits_field_points_and_shows_raw_points()
    {
        // Given
        var engine = EngineOf(Rule("field: country\n    exists: true\n    points: -50\n    cap: 20\n"));

        // When
        var hit = Assert.Single(engine.Score(Facts.Of(l => l), Facts.AsOf).Hits);

        // Then
        Assert.Equal(-20, hit.Points);
        Assert.Equal(-50, hit.RawPoints);
        Assert.EndsWith("capped at 20", hit.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Per_event_rule_scores_each_event_then_caps()
    {
        // Given
        var engine = EngineOf("rules:\n  - id: views\n    group: Website\n    event: page_view\n    points: 2\n    cap: 5\n");
        var facts = Facts.Of(l => l, Facts.Event(EventTypes.PageView, 1), Facts.Event(EventTypes.PageView, 2), Facts.Event(EventTypes.PageView, 3));

        // When
        var hit = Assert.Single(engine.Score(facts, Facts.AsOf).Hits);

        // Then
        Assert.Equal(5, hit.Points);
        Assert.Equal(6, hit.RawPoints);
        Assert.Equal("3 page_view events × 2 = 6, capped at 5", hit.Reason);
    }

    [Fact]
    public void Event_exactly_one_half_life_old_scores_half()
    {
        // Given
        var engine = EngineOf("rules:\n  - id: pricing\n    group: Website\n    event: pricing_page_view\n    points: 10\n    halfLifeDays: 30\n");

        // When / Then
        Assert.Equal(5, engine.Total(Facts.Of(l => l, Facts.Event(EventTypes.PricingPageView, 30)), Facts.AsOf), 12);
        Assert.Equal(2.5, engine.Total(Facts.Of(l => l, Facts.Event(EventTypes.PricingPageView, 60)), Facts.AsOf), 12);
        Assert.Equal(10, engine.Total(Facts.Of(l => l, Facts.Event(EventTypes.PricingPageView, 0)), Facts.AsOf), 12);
    }

    [Fact]
    public void Decay_depends_only_on_the_given_as_of_time()
    {
        // Given
        var engine = EngineOf("rules:\n  - id: pricing\n    group: Website\n    event: pricing_page_view\n    points: 10\n    halfLifeDays: 30\n");
        var facts = Facts.Of(l => l, Facts.Event(EventTypes.PricingPageView, 0));

        // When
        var later = engine.Total(facts, Facts.AsOf.AddDays(30));
        var again = engine.Total(facts, Facts.AsOf.AddDays(30));

        // Then
        Assert.Equal(5, later, 12);
        Assert.Equal(later, again);
    }

    [Fact]
    public void Decayed_and_capped_reason_reads_like_the_issue()
    {
        // Given: three pricing views, 10 points each, half-life 30 d, cap 20
        var engine = EngineOf("rules:\n  - id: pricing\n    group: Website\n    event: pricing_page_view\n    points: 10\n    cap: 20\n    halfLifeDays: 30\n");
        var facts = Facts.Of(l => l, Facts.Event(EventTypes.PricingPageView, 0), Facts.Event(EventTypes.PricingPageView, 1), Facts.Event(EventTypes.PricingPageView, 2));

        // When
        var hit = Assert.Single(engine.Score(facts, Facts.AsOf).Hits);

        // Then
        Assert.Equal(20, hit.Points);
        Assert.Equal(30, hit.RawPoints);
        Assert.Equal("3 pricing_page_view events, decayed (half-life 30 d) from 30 to 29.3, capped at 20", hit.Reason);
    }

    [Fact]
    public void Events_after_as_of_do_not_count()
    {
        // Given
        var engine = EngineOf("rules:\n  - id: views\n    group: Website\n    event: page_view\n    points: 2\n");
        var facts = Facts.Of(l => l, Facts.Event(EventTypes.PageView, 1), Facts.Event(EventTypes.PageView, -1));

        // When / Then
        Assert.Equal(2, engine.Total(facts, Facts.AsOf));
    }

    [Fact]
    public void Events_outside_within_days_do_not_count()
    {
        // Given
        var engine = EngineOf("rules:\n  - id: views\n    group: Website\n    event: page_view\n    points: 2\n    withinDays: 7\n");
        var facts = Facts.Of(l => l, Facts.Event(EventTypes.PageView, 7), Facts.Event(EventTypes.PageView, 7.01));

        // When / Then
        Assert.Equal(2, engine.Total(facts, Facts.AsOf));
    }

    [Theory]
    [InlineData(2, 0)]
    [InlineData(3, 15)]
    public void Count_rule_scores_once_when_enough_events_fall_in_the_window(int recent, double expected)
    {
        // Given: `recent` clicks in the last 14 days and 5 older ones
        var engine = EngineOf("rules:\n  - id: clicks\n    group: Email\n    event: email_click\n    count: {min: 3, withinDays: 14}\n    points: 15\n");
        var events = Enumerable.Range(0, recent).Select(i => Facts.Event(EventTypes.EmailClick, i))
            .Concat(Enumerable.Range(0, 5).Select(i => Facts.Event(EventTypes.EmailClick, 20 + i)))
            .ToArray();

        // When
        var total = engine.Total(Facts.Of(l => l, events), Facts.AsOf);

        // Then
        Assert.Equal(expected, total);
    }

    [Fact]
    public void Burst_rule_fires_only_for_events_close_together()
    {
        // Given
        var engine = EngineOf("rules:\n  - id: bot\n    group: Spam\n    event: form_submitted\n    count: {min: 3, withinSeconds: 10}\n    points: -40\n");
        var start = Facts.AsOf.AddHours(-1);
        var spread = Facts.Of(l => l, [.. new[] { 0, 8, 16, 24 }.Select(s => Facts.EventAt(EventTypes.FormSubmitted, start.AddSeconds(s)))]);
        var burst = Facts.Of(l => l, [.. new[] { 30, 0, 5, 10 }.Select(s => Facts.EventAt(EventTypes.FormSubmitted, start.AddSeconds(s)))]);

        // When / Then
        Assert.Equal(0, engine.Total(spread, Facts.AsOf));
        Assert.Equal(-40, engine.Total(burst, Facts.AsOf));
    }

    [Fact]
    public void Group_cap_limits_the_subtotal_and_is_explained()
    {
        // Given
        var engine = EngineOf("groups:\n  Website: {cap: 15}\nrules:\n  - id: a\n    group: Website\n    event: page_view\n    points: 10\n  - id: b\n    group: Website\n    event: download\n    points: 10\n");
        var facts = Facts.Of(l => l, Facts.Event(EventTypes.PageView, 0), Facts.Event(EventTypes.Download, 0));

        // When
        var score = engine.Score(facts, Facts.AsOf);

        // Then
        Assert.Equal(15, score.Total);
        Assert.Equal(15, score.Subtotals[ScoringModel.Website]);
        var cap = Assert.Single(score.Hits, h => h.RuleId == ScoringEngine.GroupCapRuleId(ScoringModel.Website));
        Assert.Equal(-5, cap.Points);
        Assert.Equal(score.Total, score.Hits.Sum(h => h.Points));
        Assert.Equal(15, engine.Total(facts, Facts.AsOf));
    }

    [Fact]
    public void Score_all_matches_single_scores()
    {
        // Given
        var engine = new ScoringEngine(RulesLoader.LoadDefault());
        var leads = Enumerable.Range(0, 5000)
            .Select(i => Facts.Of(l => l with { Title = i % 3 == 0 ? "CEO" : "Engineer", Replied = i % 7 == 0 }, Facts.Event(EventTypes.PageView, i % 40)))
            .ToArray();
        var totals = new double[leads.Length];

        // When
        engine.ScoreAll(leads, Facts.AsOf, totals);
        var scores = engine.ScoreAll(leads, Facts.AsOf);

        // Then
        for (var i = 0; i < leads.Length; i++)
        {
            Assert.Equal(engine.Total(leads[i], Facts.AsOf), totals[i]);
            Assert.Equal(totals[i], scores[i].Total, 9);
        }
    }
}
