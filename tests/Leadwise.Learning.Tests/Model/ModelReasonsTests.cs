using Leadwise.Learning.Features;
using Leadwise.Learning.Model;
using Leadwise.Learning.Tests.Support;
using Leadwise.Learning.Training;

namespace Leadwise.Learning.Tests.Model;

/// <summary>
/// A lead's reasons: the optional groups named in words, and ML.NET's feature contributions beside the probability points
/// for every trainer, trained and reloaded.
/// </summary>
public sealed class ModelReasonsTests
{
    [Fact]
    public void Reasons_NameTitleTokens_TheCampaignOwner_AndPointSubtotals_InWords()
    {
        // Given generated leads where repliers far more often have "Procurement" in their title, and a model that uses
        // every optional group whatever they add
        var generated = GeneratedLeads.Get(8_000, seed: 7);
        var random = new Random(5);
        var facts = generated.All.Where(f => PreContactFacts.Of(f) is not null)
            .Select(f => random.NextDouble() < (f.Lead.Replied == true ? 0.5 : 0.08) ? f with { Lead = f.Lead with { Title = f.Lead.Title + " Procurement" } } : f)
            .ToList();
        var leads = facts.Select(f => PreContactFacts.Of(f)!).ToList();
        var options = new ConversionTrainingOptions(Folds: 3, Seed: 1, Trainers: [TrainerKind.LogisticRegression], Importance: false,
            Features: LeadFeatureOptions.Conversion with { SelectGroups = false });
        var model = ConversionModelTrainer.Train(leads, [.. facts.Select(f => f.Lead.Replied == true)], options, DateTimeOffset.UnixEpoch).Model;

        // When: the reasons of the first 300 leads, in the words `leadwise explain` and the lead page show
        var reasons = leads.Take(300).SelectMany(lead => model.Explain(lead, top: 100))
            .Select(f => (f.Feature, Sentence: FeatureWords.Sentence(f.Feature, f.Value), f.Points)).ToList();

        // Then
        Assert.Contains(reasons, r => r.Feature == "titleWord=procurement" && r.Sentence == "Title contains 'procurement'" && r.Points > 0);
        Assert.Contains(reasons, r => r.Feature == "campaignOwner" && r.Sentence.StartsWith("Campaign owner is ", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.Feature.StartsWith("points.", StringComparison.Ordinal) && r.Sentence.Contains(" points at the invite: ", StringComparison.Ordinal));
        Assert.All(model.Card.FeatureChoices!, choice => Assert.True(choice.Kept, choice.Group));
    }

    [Theory]
    [InlineData(TrainerKind.LogisticRegression)]
    [InlineData(TrainerKind.LightGbm)]
    [InlineData(TrainerKind.FastTree)]
    public void Reasons_carry_MLNETs_contributions_from_the_trained_and_the_reloaded_model(TrainerKind trainer)
    {
        // Given a model of the trainer, and the same model saved and loaded as the registry does
        var (model, leads) = Train(trainer);
        using var buffer = new MemoryStream();
        model.Save(buffer);
        buffer.Position = 0;
        var loaded = ConversionModel.Load(buffer);

        // When a lead's reasons and contributions are asked of both
        var contributions = model.RawContributions(model.Encoder.Encode(leads[0]));
        var reasons = model.Explain(leads[0], top: 100);

        // Then ML.NET gives one contribution per column, the same after loading, and each reason carries its group's sum
        Assert.NotNull(contributions);
        Assert.Equal(model.Card.FeatureNames.Count, contributions.Length);
        Assert.Equal(contributions, loaded.RawContributions(loaded.Encoder.Encode(leads[0])));
        Assert.Contains(contributions, c => c != 0);
        Assert.NotEmpty(reasons);
        Assert.All(reasons, r => Assert.NotNull(r.Contribution));
        foreach (var reason in reasons)
        {
            var group = model.Card.Groups.Single(g => g.Name == reason.Feature);
            Assert.Equal(group.Columns.Sum(c => (double)contributions[c]), reason.Contribution!.Value, 6);
        }

        Assert.Equal(reasons, loaded.Explain(leads[0], top: 100));
    }

    [Fact]
    public void For_logistic_regression_the_contributions_add_up_to_the_raw_score_above_an_all_zero_lead()
    {
        // Given a logistic regression (missing values replaced and scaling keep zero at zero, so its score at zero is the bias)
        var (model, leads) = Train(TrainerKind.LogisticRegression);
        var zero = new float[model.Card.FeatureNames.Count];

        foreach (var lead in leads.Take(20))
        {
            // When
            var contributions = model.RawContributions(model.Encoder.Encode(lead))!;
            var scores = model.RawScores([model.Encoder.Encode(lead), zero]);

            // Then
            Assert.Equal(scores[0] - scores[1], contributions.Sum(c => (double)c), 3);
        }
    }

    private static (ConversionModel Model, IReadOnlyList<PreContactFacts> Leads) Train(TrainerKind trainer)
    {
        var generated = GeneratedLeads.Get(8_000, seed: 7);
        var facts = generated.All.Where(f => PreContactFacts.Of(f) is not null).ToList();
        var leads = facts.Select(f => PreContactFacts.Of(f)!).ToList();
        var options = new ConversionTrainingOptions(Folds: 3, Seed: 1, Trainers: [trainer], Importance: false);
        return (ConversionModelTrainer.Train(leads, [.. facts.Select(f => f.Lead.Replied == true)], options, DateTimeOffset.UnixEpoch).Model, leads);
    }
}
