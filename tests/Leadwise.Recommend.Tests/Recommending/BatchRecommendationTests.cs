using Leadwise.Core.Outreach;
using Leadwise.Core.Scoring;
using Leadwise.Learning.Features;
using Leadwise.Learning.Training;
using Leadwise.Recommend.Hazards;
using Leadwise.Recommend.Modeling;
using Leadwise.Recommend.Recommending;
using Leadwise.Recommend.Tests.Support;

namespace Leadwise.Recommend.Tests.Recommending;

/// <summary>
/// The batch path (each lead encoded once, linear stages scored without ML.NET, runners-up by a partial sort) against
/// the path it replaced, kept here as the reference: every row through the ML.NET pipeline, shrunk by its message's
/// factor, and the runners-up by a full stable sort of every swap.
/// </summary>
public sealed class BatchRecommendationTests
{
    private const double Tolerance = 1e-6;

    [Theory]
    [InlineData(TrainerKind.LogisticRegression, true)]
    [InlineData(TrainerKind.LightGbm, false)]
    public void Should_recommend_what_the_pipeline_scored_path_recommends(TrainerKind trainer, bool scoredDirectly)
    {
        // Given a model of one trainer and 2,000 leads of the generated store, contacted ones and waiting ones
        var generated = GeneratedOutreach.Get(20_000, 42);
        var model = HazardModel.Train(HazardRows.Build(generated.Leads, generated.Messages), new HazardModelOptions { Seed = 1, Folds = 2, Trainers = [trainer] });
        var now = generated.Export.Options.ExportDate;
        var recommender = new SequenceRecommender(model, generated.Campaigns, generated.Messages, generated.Leads, new FixedTime(now));
        var leads = generated.Leads.Where(f => generated.Messages.ContainsKey(f.Lead.CampaignId)).Take(2_000).ToList();
        var campaigns = generated.Campaigns.ToDictionary(c => c.Id);
        var options = new RecommendOptions { RunnersUp = 4 };

        // When
        var batch = recommender.Recommend(leads, options);
        var oneByOne = leads.Take(100).Select(f => recommender.Recommend(f.Lead.Id, options)).ToList();

        // Then
        Assert.Equal(scoredDirectly, model.ScoresDirectly(acceptance: false));
        Assert.Contains(leads, f => f.Lead.InviteSentAt is null);
        Assert.Contains(leads, f => f.Lead.InviteSentAt is not null);
        for (var i = 0; i < leads.Count; i++)
        {
            var expected = Reference(model, recommender, leads[i], Channels.IsGated(campaigns[leads[i].Lead.CampaignId].Type), now, options.RunnersUp);
            AssertSame(expected, batch[i]);
        }

        for (var i = 0; i < oneByOne.Count; i++)
        {
            Assert.Equal(batch[i].Recommended.Messages, oneByOne[i].Recommended.Messages);
            Assert.Equal(batch[i].Recommended.Hazards, oneByOne[i].Recommended.Hazards);
            Assert.Equal(batch[i].Recommended.Acceptance, oneByOne[i].Recommended.Acceptance);
            Assert.Equal(batch[i].RunnersUp.SelectMany(step => step), oneByOne[i].RunnersUp.SelectMany(step => step));
            Assert.Equal(batch[i].Current, oneByOne[i].Current, Same);
        }
    }

    private static SequenceRecommendation Reference(HazardModel model, SequenceRecommender recommender, LeadFacts facts, bool gated, DateTimeOffset now, int runnersUp)
    {
        var candidates = recommender.Candidates(facts.Lead.CampaignId);
        var lead = PreContactFacts.Of(facts) ?? PreContactFacts.ForScoring(facts, null, now);
        var hazards = candidates.Select((step, k) =>
        {
            var raw = model.PipelineProbabilities(acceptance: false, [.. step.Select(message => (lead, message, k))]);
            return raw.Select((p, i) => Math.Min(p * model.HazardFactor(step[i].Key), 0.999)).ToArray();
        }).ToArray();
        var acceptances = gated
            ? model.PipelineProbabilities(acceptance: true, [.. candidates[0].Select(invite => (lead, invite, 0))]).Select((p, i) => Math.Min(p * model.AcceptanceFactor(candidates[0][i].Key), 0.999)).ToArray()
            : [.. candidates[0].Select(_ => 1.0)];
        var scores = new LeadScores(facts.Lead.Id, facts.Lead.CampaignId, candidates, hazards, acceptances);
        var best = scores.Best();
        var others = Enumerable.Range(0, best.Length).Select(step => (IReadOnlyList<StepCandidate>)[.. Enumerable.Range(0, candidates[step].Count)
            .Where(i => i != best[step])
            .Select(i =>
            {
                var swapped = (int[])best.Clone();
                swapped[step] = i;
                return new StepCandidate(candidates[step][i].Key, hazards[step][i], scores.Value(swapped));
            })
            .OrderByDescending(c => c.ReplyProbability)
            .Take(runnersUp)]).ToArray();
        var current = Enumerable.Range(0, best.Length).Select(step => scores.IndexOf(step, new MessageKey(facts.Lead.CampaignId, step))).ToArray();
        return new SequenceRecommendation(facts.Lead.Id, facts.Lead.CampaignId, scores.Estimate(best), others, scores.Estimate(current));
    }

    private static void AssertSame(SequenceRecommendation expected, SequenceRecommendation actual)
    {
        Assert.Equal(expected.Lead, actual.Lead);
        Assert.Equal(expected.Recommended.Messages, actual.Recommended.Messages);
        Assert.Equal(expected.Recommended, actual.Recommended, Same);
        Assert.Equal(expected.Current, actual.Current, Same);
        Assert.Equal(expected.RunnersUp.Count, actual.RunnersUp.Count);
        for (var step = 0; step < expected.RunnersUp.Count; step++)
        {
            Assert.Equal(expected.RunnersUp[step].Select(c => c.Message), actual.RunnersUp[step].Select(c => c.Message));
            Assert.All(expected.RunnersUp[step].Zip(actual.RunnersUp[step]), pair =>
            {
                Assert.Equal(pair.First.Hazard, pair.Second.Hazard, Tolerance);
                Assert.Equal(pair.First.ReplyProbability, pair.Second.ReplyProbability, Tolerance);
            });
        }
    }

    private static bool Same(SequenceEstimate expected, SequenceEstimate actual) =>
        expected.Messages.SequenceEqual(actual.Messages)
        && Math.Abs(expected.Acceptance - actual.Acceptance) <= Tolerance
        && expected.Hazards.Zip(actual.Hazards).All(h => Math.Abs(h.First - h.Second) <= Tolerance)
        && expected.Cumulative.Zip(actual.Cumulative).All(c => Math.Abs(c.First - c.Second) <= Tolerance);

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
