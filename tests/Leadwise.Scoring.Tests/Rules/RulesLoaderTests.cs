using Leadwise.Core.Engagement;
using Leadwise.Core.Scoring;
using Leadwise.Scoring.Engine;
using Leadwise.Scoring.Rules;

namespace Leadwise.Scoring.Tests.Rules;

public sealed class RulesLoaderTests
{
    private const string Header = "rules:\n  - id: ok\n    group: Email\n    field: replied\n    equals: true\n    points: 30\n";

    // Each bad rule starts on line 7, after Header.
    [Theory]
    [InlineData("  - id: bad\n    group: Email\n    field: replied\n    equals: true\n    points: 1\n    colour: red\n", 12, 5, "unknown field \"colour\"")]
    [InlineData("  - id: bad\n    group: Email\n    field: title\n    equal: CEO\n    points: 1\n", 10, 5, "unknown operator \"equal\"")]
    [InlineData("  - id: bad\n    group: Email\n    field: title\n    regex: '(unclosed'\n    points: 1\n", 10, 12, "bad regex")]
    [InlineData("  - id: bad\n    group: Email\n    field: title\n    contains: CEO\n", 7, 5, "missing \"points\"")]
    [InlineData("  - id: bad\n    group: Email\n    field: company.employees\n    range: {min: 500, max: 50}\n    points: 1\n", 10, 12, "range min 500 is greater than max 50")]
    [InlineData("  - id: bad\n    group: Marketing\n    field: title\n    contains: CEO\n    points: 1\n", 8, 12, "unknown group \"Marketing\"")]
    [InlineData("  - id: ok\n    group: Email\n    field: title\n    contains: CEO\n    points: 1\n", 7, 9, "duplicate rule id")]
    [InlineData("  - id: bad\n    group: Website\n    event: page_view\n    points: 1\n    halfLifeDays: 0\n", 11, 19, "\"halfLifeDays\" must be a positive number")]
    [InlineData("  - id: bad\n    group: Website\n    event: page_view\n    points: 1\n    withinDays: -3\n", 11, 17, "\"withinDays\" must be a positive number")]
    [InlineData("  - id: bad\n    group: Website\n    event: page_view\n    count: {min: 3, withinDays: soon}\n    points: 1\n", 10, 33, "\"withinDays\" must be a number")]
    [InlineData("  - id: bad\n    group: Email\n    field: titel\n    contains: CEO\n    points: 1\n", 9, 12, "unknown field \"titel\"")]
    [InlineData("  - id: bad\n    group: Email\n    field: seniority\n    equals: Boss\n    points: 1\n", 10, 13, "\"seniority\" is one of")]
    [InlineData("  - id: bad\n    group: Email\n    field: title\n    range: {min: 1}\n    points: 1\n", 10, 12, "\"range\" applies to number fields")]
    [InlineData("  - id: bad\n    group: Email\n    field: title\n    points: 1\n", 7, 5, "missing operator")]
    public void Each_error_names_its_line_column_and_rule(string badRule, int line, int column, string message)
    {
        // Given
        var text = Header + badRule;

        // When
        var error = Assert.Single(Assert.Throws<RulesValidationException>(() => RulesLoader.Parse(text, "my.yaml")).Errors);

        // Then
        Assert.Equal(line, error.Line);
        Assert.Equal(column, error.Column);
        Assert.Equal(badRule.Contains("id: ok", StringComparison.Ordinal) ? "ok" : "bad", error.RuleId);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"my.yaml:{line}:{column}: error: rule \"{error.RuleId}\": ", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_event_type_is_a_warning_with_its_line()
    {
        // Given
        var text = Header + "  - id: webinar\n    group: Website\n    event: webinar_attended\n    points: 10\n";

        // When
        var rules = RulesLoader.Parse(text);

        // Then
        var warning = Assert.Single(rules.Warnings);
        Assert.Equal(RulesDiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal(9, warning.Line);
        Assert.Equal("webinar", warning.RuleId);
        Assert.Equal(2, rules.Rules.Count);
    }

    [Fact]
    public void Every_error_is_reported_not_just_the_first()
    {
        // Given
        var text = "rules:\n  - id: a\n    group: Nope\n    field: title\n    contains: x\n    points: 1\n  - id: b\n    group: Email\n    field: title\n    regex: '['\n    points: 1\n";

        // When
        var errors = RulesLoader.Validate(text);

        // Then
        Assert.Equal([3, 10], errors.Select(e => e.Line));
        Assert.Equal(["a", "b"], errors.Select(e => e.RuleId));
    }

    [Fact]
    public void Yaml_syntax_error_names_the_line()
    {
        // Given
        var text = "rules:\n  - id: a\n    group: [Email\n";

        // When
        var error = Assert.Single(Assert.Throws<RulesValidationException>(() => RulesLoader.Parse(text)).Errors);

        // Then
        Assert.True(error.Line >= 3);
        Assert.Contains("not valid YAML/JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_grades_are_errors()
    {
        // Given
        var text = "grades:\n  - {grade: A, min: 40}\n  - {grade: B, min: 60}\n  - {grade: C}\nrules: []\n";

        // When
        var error = Assert.Single(RulesLoader.Validate(text));

        // Then
        Assert.Equal(3, error.Line);
        Assert.Contains("must be below", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_rules_score_like_the_same_yaml_rules()
    {
        // Given
        const string yaml = """
            groups:
              Website: {cap: 12}
            grades:
              - {grade: A, min: 10}
              - {grade: B}
            rules:
              - id: exec
                group: Demographics
                field: seniority
                in: [Executive, Director]
                points: 20
              - id: views
                group: Website
                event: page_view
                points: 10
                cap: 15
                halfLifeDays: 30
                withinDays: 90
              - id: clicks
                group: Email
                event: email_click
                count: {min: 2, withinDays: 14}
                points: 7
            """;
        const string json = """
            {
              "groups": {"Website": {"cap": 12}},
              "grades": [{"grade": "A", "min": 10}, {"grade": "B"}],
              "rules": [
                {"id": "exec", "group": "Demographics", "field": "seniority", "in": ["Executive", "Director"], "points": 20},
                {"id": "views", "group": "Website", "event": "page_view", "points": 10, "cap": 15, "halfLifeDays": 30, "withinDays": 90},
                {"id":"clicks","group":"Email","event":"email_click","count":{"min":2,"withinDays":14},"points":7}
              ]
            }
            """;
        var facts = Facts.Of(
            l => l with { Title = "CEO" },
            Facts.Event(EventTypes.PageView, 1), Facts.Event(EventTypes.PageView, 40), Facts.Event(EventTypes.PageView, 100),
            Facts.Event(EventTypes.EmailClick, 1), Facts.Event(EventTypes.EmailClick, 2));

        // When
        var fromYaml = new ScoringEngine(RulesLoader.Parse(yaml)).Score(facts, Facts.AsOf);
        var fromJson = new ScoringEngine(RulesLoader.Parse(json, "rules.json")).Score(facts, Facts.AsOf);

        // Then
        Assert.Equal(fromYaml.Total, fromJson.Total);
        Assert.Equal(fromYaml.Grade, fromJson.Grade);
        Assert.Equal(fromYaml.Hits, fromJson.Hits);
        Assert.Equal(39, fromJson.Total);
        Assert.Equal(12, fromJson.Subtotals[ScoringModel.Website]);
    }

    [Fact]
    public void Json_errors_name_line_and_rule_too()
    {
        // Given
        var json = "{\n  \"rules\": [\n    {\"id\": \"a\", \"group\": \"Email\", \"field\": \"title\", \"regex\": \"(\", \"points\": 1}\n  ]\n}\n";

        // When
        var error = Assert.Single(RulesLoader.Validate(json, "rules.json"));

        // Then
        Assert.Equal(3, error.Line);
        Assert.Equal("a", error.RuleId);
        Assert.Contains("bad regex", error.Message, StringComparison.Ordinal);
    }
}
