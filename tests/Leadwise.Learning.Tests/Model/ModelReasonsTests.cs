using Leadwise.Learning.Features;
using Leadwise.Learning.Model;
using Leadwise.Learning.Tests.Support;
using Leadwise.Learning.Training;

namespace Leadwise.Learning.Tests.Model;

/// <summary>A model trained with every optional group names them in words among a lead's reasons.</summary>
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
}
