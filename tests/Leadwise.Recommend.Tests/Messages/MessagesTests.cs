using Leadwise.Core.Outreach;
using MathNet.Numerics.Statistics;
using Xunit.Abstractions;
using Leadwise.Learning.Features;
using Leadwise.Recommend.Hazards;
using Leadwise.Recommend.Messages;
using Leadwise.Recommend.Tests.Support;

namespace Leadwise.Recommend.Tests.Messages;

/// <summary>Message insights and draft scoring on generated data, whose true model is known (docs/generator.md).</summary>
public sealed class MessagesTests(ITestOutputHelper output)
{
    private static readonly HashSet<string> GermanSpeaking = new(["Germany", "Deutschland", "Austria", "Österreich", "Switzerland", "Schweiz", "DE", "AT", "CH"], StringComparer.OrdinalIgnoreCase);

    private static GeneratedOutreach Generated => GeneratedOutreach.Get(20_000, 42);

    [Fact]
    public void Insights_ShowTheLanguageMismatchPenalty_AtTheInvite()
    {
        // The true model: a German note to an English-speaking lead costs 1.5 on the logit, an English note to a German one 0.4.
        var steps = MessageInsights.Build(HazardRows.Build(Generated.Leads, Generated.Messages));

        Assert.Equal([0, 1, 2, 3], steps.Select(s => s.Step));
        Assert.Equal(["invite (step 0)", "follow-up 1", "follow-up 2", "follow-ups 3+"], steps.Select(s => s.Label));
        var invite = steps[0].Report;
        var match = invite.Insights.Single(i => i.Attribute == "language match" && i.Value == "in the lead's language");
        var mismatch = invite.Insights.Single(i => i.Attribute == "language match" && i.Value == "not in the lead's language");
        Assert.True(mismatch.Interval.High < match.Interval.Low, $"match {match.Rate:P2} ({match.Interval.Low:P2}–{match.Interval.High:P2}), mismatch {mismatch.Rate:P2} ({mismatch.Interval.Low:P2}–{mismatch.Interval.High:P2})");
        Assert.Equal(invite.Leads, invite.Insights.Where(i => i.Attribute == "personalised").Sum(i => i.Leads));
        Assert.Equal(invite.Converted, invite.Insights.Where(i => i.Attribute == "question").Sum(i => i.Converted));
    }

    [Fact]
    public void MessageFactors_RankMessages_ByTheirUnobservedQuality()
    {
        // The generator gives every message a latent quality (N(0, 0.3²) on the logit) that no property shows: the
        // factors must order the well-used messages by it, and better than their raw reply rates, which mix the quality
        // with the properties and with who received the message.
        var data = HazardRows.Build(Generated.Leads, Generated.Messages);
        var factors = MessageInsights.Factors(data, TrainedModels.Model(Generated));

        Assert.Equal(data.Hazards.Select(r => r.Message).Distinct().Count(), factors.Count);
        Assert.All(factors, f => Assert.True(f.Low <= f.Factor && f.Factor <= f.High && f.Low > 0, $"{f.Message}: {f.Factor:F3} ({f.Low:F3}–{f.High:F3})"));
        var first = factors[0];
        Assert.Equal(data.Hazards.Count(r => r.Message == first.Message), first.Sends);
        Assert.Equal(data.Hazards.Count(r => r.Message == first.Message && r.Replied), first.Replies);
        var used = factors.Where(f => f.Sends >= 100).ToList();
        var rankCorrelation = Correlation.Spearman(used.Select(f => f.Factor), used.Select(f => Generated.Profile(f.Message).Quality));
        var raw = Correlation.Spearman(used.Select(f => (double)f.Replies / f.Sends), used.Select(f => Generated.Profile(f.Message).Quality));
        output.WriteLine($"{factors.Count} messages, {factors.Count(f => f.IsClear)} clear; factors {factors.Min(f => f.Factor):F3}–{factors.Max(f => f.Factor):F3}; Spearman {rankCorrelation:F3} (raw rate {raw:F3}) over {used.Count} with 100+ sends");
        Assert.True(rankCorrelation > 0.4, $"Spearman {rankCorrelation:F3} over {used.Count} messages with 100+ sends");
        Assert.True(rankCorrelation > raw + 0.2, $"factor {rankCorrelation:F3} vs raw reply rate {raw:F3}: adjusting for properties and leads should order messages better");
    }

    [Fact]
    public void Draft_InTheLeadsLanguage_PersonalisedAndAsking_ScoresAboveItsGermanAndBlandVersions_OnAnEnglishSpeakingCampaign()
    {
        // Given the English-speaking campaign with the most leads and the model trained on the export
        var model = TrainedModels.Model(Generated);
        var campaign = Generated.Leads
            .Where(f => f.Campaign is not null && !GermanSpeaking.Contains(f.Lead.Country ?? string.Empty))
            .GroupBy(f => f.Campaign!.Id)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key.Value)
            .First();
        var leads = campaign.Select(f => PreContactFacts.ForScoring(f, Generated.Messages[campaign.Key], Generated.Export.Options.ExportDate)).ToList();
        var messages = Generated.Messages[campaign.Key];
        DraftScore Score(string text) => DraftScoring.Score(model, campaign.First().Campaign!, messages, leads, 1, text);

        // When
        var english = Score("Hi {{ first_name }}, would you be open to a quick call next week about how we could help your team?");
        var german = Score("Hallo {{ first_name }}, hätten Sie nächste Woche Zeit für ein kurzes Gespräch, wie wir Ihrem Team helfen können?");
        var bland = Score("Hello, we help teams like yours. Let me know if that is interesting.");

        // Then
        Assert.True(english.DraftHazard > german.DraftHazard, $"English {english.DraftHazard:P2} vs German {german.DraftHazard:P2}");
        Assert.True(english.DraftHazard > bland.DraftHazard, $"personalised question {english.DraftHazard:P2} vs bland {bland.DraftHazard:P2}");
        Assert.Equal(leads.Count, english.Leads);
        Assert.NotNull(english.CurrentHazard);
        Assert.Equal(english.DraftHazard - english.CurrentHazard!.Value, english.Uplift!.Value, precision: 12);
        Assert.InRange(english.ShareOfLeadsBetter!.Value, 0, 1);
    }

    [Fact]
    public void Draft_WithoutText_OrBeyondTheLastStep_IsRefused()
    {
        var model = TrainedModels.Model(Generated);
        var facts = Generated.Leads.First(f => f.Campaign is not null);
        var messages = Generated.Messages[facts.Lead.CampaignId];
        var leads = new[] { PreContactFacts.ForScoring(facts, messages, Generated.Export.Options.ExportDate) };

        Assert.Throws<ArgumentException>(() => DraftScoring.Score(model, facts.Campaign!, messages, leads, 1, "  "));
        Assert.Throws<ArgumentOutOfRangeException>(() => DraftScoring.Score(model, facts.Campaign!, messages, leads, OutreachSteps.LastFollowUp + 1, "Hi"));
    }
}
