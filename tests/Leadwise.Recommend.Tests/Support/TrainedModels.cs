using System.Runtime.CompilerServices;
using Leadwise.Recommend.Hazards;
using Leadwise.Recommend.Modeling;
using Leadwise.Recommend.Recommending;

namespace Leadwise.Recommend.Tests.Support;

/// <summary>A hazard model trained on all of a generated export's leads, and a recommender over it; both cached per export.</summary>
internal static class TrainedModels
{
    private static readonly ConditionalWeakTable<GeneratedOutreach, Lazy<HazardModel>> Models = [];
    private static readonly ConditionalWeakTable<GeneratedOutreach, Lazy<SequenceRecommender>> Cache = [];

    public static HazardModel Model(GeneratedOutreach generated) =>
        Models.GetValue(generated, g => new Lazy<HazardModel>(() => HazardModel.Train(HazardRows.Build(g.Leads, g.Messages), new HazardModelOptions { Seed = 1 }))).Value;

    public static SequenceRecommender Recommender(GeneratedOutreach generated) =>
        Cache.GetValue(generated, g => new Lazy<SequenceRecommender>(() =>
            new SequenceRecommender(Model(g), g.Campaigns, g.Messages, g.Leads, new FixedTime(g.Export.Options.ExportDate)))).Value;

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
