using Leadwise.Core.Outreach;
using Leadwise.Learning.Features;
using Leadwise.Learning.Training;
using Leadwise.Recommend.Hazards;
using Leadwise.Recommend.Modeling;
using Leadwise.Recommend.Recommending;
using Leadwise.Recommend.Tests.Support;

namespace Leadwise.Recommend.Tests.Modeling;

public sealed class DirectScoringTests
{
    [Fact]
    public void Should_give_the_ML_NET_pipelines_probabilities_for_logistic_stages_before_and_after_a_save()
    {
        // Given a model whose two stages are logistic regression, and every candidate row of 400 leads in shuffled order
        // (so that a lead's rows are not all consecutive)
        var generated = GeneratedOutreach.Get(20_000, 42);
        var data = HazardRows.Build(generated.Leads, generated.Messages);
        var model = HazardModel.Train(data, new HazardModelOptions { Seed = 1, Folds = 2, Trainers = [TrainerKind.LogisticRegression] });
        using var buffer = new MemoryStream();
        model.Save(buffer);
        buffer.Position = 0;
        var loaded = HazardModel.Load(buffer);
        var recommender = new SequenceRecommender(model, generated.Campaigns, generated.Messages);
        var leads = data.Leads.Values.Take(400).ToList();
        var campaignOf = generated.Leads.ToDictionary(f => f.Lead.Id, f => f.Lead.CampaignId);
        var random = new Random(5);
        var hazardRows = leads
            .SelectMany(lead => recommender.Candidates(campaignOf[lead.LeadId]).SelectMany((step, k) => step.Select(message => (lead, message, k))))
            .OrderBy(_ => random.Next())
            .ToList();
        var inviteRows = hazardRows.Where(r => r.k == 0).ToList();

        foreach (var candidate in new[] { model, loaded })
        {
            // When
            var hazards = candidate.Probabilities(acceptance: false, hazardRows);
            var acceptances = candidate.Probabilities(acceptance: true, inviteRows);

            // Then
            Assert.True(candidate.ScoresDirectly(acceptance: false));
            Assert.True(candidate.ScoresDirectly(acceptance: true));
            AssertClose(candidate.PipelineProbabilities(acceptance: false, hazardRows), hazards);
            AssertClose(candidate.PipelineProbabilities(acceptance: true, inviteRows), acceptances);
        }
    }

    [Fact]
    public void Should_leave_tree_stages_to_ML_NET()
    {
        // Given a model whose stages are LightGBM
        var generated = GeneratedOutreach.Get(4_000, 7);
        var data = HazardRows.Build(generated.Leads, generated.Messages);

        // When
        var model = HazardModel.Train(data, new HazardModelOptions { Seed = 1, Folds = 2, Trainers = [TrainerKind.LightGbm] });

        // Then its predictions are the pipeline's own
        Assert.False(model.ScoresDirectly(acceptance: false));
        var lead = data.Leads.Values.First();
        IReadOnlyList<(PreContactFacts, Message, int)> rows = [.. generated.Messages.Values.SelectMany(m => m).Select(m => (lead, m, m.Order))];
        Assert.Equal(model.PipelineProbabilities(acceptance: false, rows), model.Probabilities(acceptance: false, rows));
    }

    private static void AssertClose(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        Assert.True(expected.Distinct().Count() > expected.Length / 10, "the rows' probabilities differ, so agreeing on them means something");
        var worst = expected.Zip(actual, (e, a) => Math.Abs(e - a)).Max();
        Assert.True(worst <= 1e-6, $"the direct path is {worst:E2} away from the pipeline");
    }
}
