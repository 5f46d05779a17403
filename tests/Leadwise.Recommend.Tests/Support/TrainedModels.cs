using System.Runtime.CompilerServices;
using Leadwise.Recommend.Hazards;
using Leadwise.Recommend.Modeling;
using Leadwise.Recommend.Recommending;

namespace Leadwise.Recommend.Tests.Support;

/// <summary>A hazard model trained on all of a generated export's leads, and a recommender over it; cached per export.</summary>
internal static class TrainedModels
{
    private static readonly ConditionalWeakTable<GeneratedOutreach, Lazy<(HazardModel Model, SequenceRecommender Recommender)>> Cache = [];

    public static SequenceRecommender Recommender(GeneratedOutreach generated) => Trained(generated).Recommender;

    public static HazardModel Model(GeneratedOutreach generated) => Trained(generated).Model;

    private static (HazardModel Model, SequenceRecommender Recommender) Trained(GeneratedOutreach generated) =>
        Cache.GetValue(generated, g => new Lazy<(HazardModel, SequenceRecommender)>(() =>
        {
            var model = HazardModel.Train(HazardRows.Build(g.Leads, g.Messages), new HazardModelOptions { Seed = 1 });
            return (model, new SequenceRecommender(model, g.Campaigns, g.Messages, g.Leads, new FixedTime(g.Export.Options.ExportDate)));
        })).Value;

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
