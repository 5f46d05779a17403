using Leadwise.Core.Scoring;
using Leadwise.Scoring.Engine;
using Leadwise.Scoring.Reports;
using Leadwise.Scoring.Rules;
using Leadwise.Testing.Outreach;

namespace Leadwise.Scoring.Tests.Reports;

public sealed class RulesReportTests
{
    private static readonly ScoringEngine Engine = new(RulesLoader.Parse("""
        rules:
          - id: exec
            group: Demographics
            field: seniority
            equals: Executive
            points: 25
          - id: dach
            group: Demographics
            field: country
            in: [Germany, Austria]
            points: 10
        """));

    private static LeadFacts Lead(string title, bool? replied, string country = "Germany")
    {
        var builder = new LeadBuilder();
        var lead = replied switch
        {
            true => builder.RepliedAtStep(0).Build(),
            false => builder.SentStepsUpTo(0).Build(),
            null => builder.Build(),
        };
        return Facts.Of(lead with { Title = title, Country = country });
    }

    [Fact]
    public void Counts_hits_and_rates_among_converted_and_non_converted()
    {
        // Given: 2 converted (1 exec), 4 non-converted (1 exec), 1 never invited exec
        LeadFacts[] leads =
        [
            Lead("CEO", true), Lead("Engineer", true),
            Lead("CEO", false), Lead("Engineer", false), Lead("Engineer", false), Lead("Engineer", false, "France"),
            Lead("CEO", null),
        ];

        // When
        var report = RulesReport.Build(Engine, leads, Facts.AsOf);

        // Then
        Assert.Equal(7, report.Leads);
        Assert.Equal(2, report.Converted);
        Assert.Equal(4, report.NonConverted);
        var exec = report.Rules.Single(r => r.RuleId == "exec");
        Assert.Equal(3, exec.Hits);
        Assert.Equal(1, exec.ConvertedHits);
        Assert.Equal(1, exec.NonConvertedHits);
        Assert.Equal(0.5, exec.ConvertedRate);
        Assert.Equal(0.25, exec.NonConvertedRate);
        Assert.Equal(0.25, exec.Difference);
        Assert.True(exec.DifferenceInterval.Low < 0.25 && exec.DifferenceInterval.High > 0.25);
        var dach = report.Rules.Single(r => r.RuleId == "dach");
        Assert.Equal(6, dach.Hits);
        Assert.Equal(3, dach.NonConvertedHits);
    }

    [Theory]
    [InlineData(0, 10, 0.0, 0.2775)]
    [InlineData(5, 10, 0.2366, 0.7634)]
    [InlineData(10, 10, 0.7225, 1.0)]
    public void Wilson_interval_matches_the_textbook_values(int successes, int trials, double low, double high)
    {
        // Given / When
        var interval = RateInterval.Wilson(successes, trials);

        // Then
        Assert.Equal(low, interval.Low, 4);
        Assert.Equal(high, interval.High, 4);
    }

    [Fact]
    public void Newcombe_interval_matches_the_published_example()
    {
        // Given: Newcombe (1998) example, 56/70 vs 48/80 → difference 0.2, interval (0.0524, 0.3339)
        // When
        var interval = RateInterval.Newcombe(56, 70, 48, 80);

        // Then
        Assert.Equal(0.0524, interval.Low, 4);
        Assert.Equal(0.3339, interval.High, 4);
    }
}
