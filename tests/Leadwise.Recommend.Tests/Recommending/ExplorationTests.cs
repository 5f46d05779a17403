using Leadwise.Core.Outreach;
using Leadwise.Recommend.Modeling;
using Leadwise.Recommend.Recommending;
using Leadwise.Recommend.Tests.Support;

namespace Leadwise.Recommend.Tests.Recommending;

/// <summary>Thompson sampling (<see cref="RecommendOptions.Explore"/>) on the 20k generated set, where message effects are real (q ~ N(0, 0.3²)).</summary>
public sealed class ExplorationTests
{
    private static GeneratedOutreach Generated => GeneratedOutreach.Get(20_000, 42);

    [Fact]
    public void FactorDraws_CentreOnTheShrunkFactor_AndAMessageNeverSentDrawsFromThePrior()
    {
        var model = TrainedModels.Model(Generated);
        Assert.True(double.IsFinite(model.Report.Hazard.PriorReplies), "the 20k set has message effects: the prior strength must be finite");
        var sent = HazardRowsByMessage().MaxBy(g => g.Count)!.Message;
        var neverSent = new MessageKey(new CampaignId(1), 1);
        var random = new Random(3);

        var sentDraws = Enumerable.Range(0, 4000).Select(_ => model.SampleHazardFactor(sent, random)).ToArray();
        var newDraws = Enumerable.Range(0, 4000).Select(_ => model.SampleHazardFactor(neverSent, random)).ToArray();

        var factor = model.HazardFactor(sent);
        Assert.InRange(sentDraws.Average(), factor * 0.97, factor * 1.03);
        Assert.InRange(newDraws.Average(), 0.95, 1.05);
        // The prior Gamma(a, a) has sd 1/√a; the most sent message's posterior is narrower (its replies add evidence).
        var priorSd = 1 / Math.Sqrt(model.Report.Hazard.PriorReplies);
        Assert.InRange(StandardDeviation(newDraws), priorSd * 0.93, priorSd * 1.07);
        Assert.True(StandardDeviation(newDraws) > StandardDeviation(sentDraws),
            $"sd never sent {StandardDeviation(newDraws):F3} vs most sent {StandardDeviation(sentDraws):F3}");
    }

    [Fact]
    public void Exploring_IsReproducibleForASeed_VariesAcrossSeeds_AndTheDefaultStaysDeterministic()
    {
        var recommender = TrainedModels.Recommender(Generated);
        var leads = Generated.Leads.Where(f => f.Campaign is not null && Generated.Messages.ContainsKey(f.Lead.CampaignId)).Take(300).ToList();
        string Choices(RecommendOptions options) => string.Join('|', recommender.Recommend(leads, options).Select(r => string.Join(' ', r.Recommended.Messages)));

        var exploit = Choices(new RecommendOptions());
        Assert.Equal(exploit, Choices(new RecommendOptions()));
        Assert.Equal(Choices(new RecommendOptions { Explore = true, ExploreSeed = 1 }), Choices(new RecommendOptions { Explore = true, ExploreSeed = 1 }));
        var explored = Enumerable.Range(1, 5).Select(seed => Choices(new RecommendOptions { Explore = true, ExploreSeed = seed })).ToList();
        Assert.True(explored.Distinct(StringComparer.Ordinal).Count() > 1, "different seeds should explore differently");
        Assert.All(explored, choices => Assert.NotEqual(exploit, choices));
    }

    [Fact]
    public void SavedAndLoaded_KeepsThePosteriors()
    {
        var model = TrainedModels.Model(Generated);
        using var buffer = new MemoryStream();
        model.Save(buffer);
        buffer.Position = 0;
        var loaded = HazardModel.Load(buffer);
        var sent = HazardRowsByMessage().MaxBy(g => g.Count)!.Message;

        var (a, b) = (new Random(9), new Random(9));
        Assert.Equal(Enumerable.Range(0, 50).Select(_ => model.SampleHazardFactor(sent, a)), Enumerable.Range(0, 50).Select(_ => loaded.SampleHazardFactor(sent, b)));
    }

    private static List<(MessageKey Message, int Count)> HazardRowsByMessage() =>
        [.. Leadwise.Recommend.Hazards.HazardRows.Build(Generated.Leads, Generated.Messages).Hazards.GroupBy(r => r.Message).Select(g => (g.Key, g.Count()))];

    private static double StandardDeviation(double[] values)
    {
        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
    }
}
