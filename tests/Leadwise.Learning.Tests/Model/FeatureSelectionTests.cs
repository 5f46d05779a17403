using Leadwise.Core.Scoring;
using Leadwise.Learning.Features;
using Leadwise.Learning.Model;
using Leadwise.Learning.Tests.Support;
using Leadwise.Learning.Training;

namespace Leadwise.Learning.Tests.Model;

public sealed class FeatureSelectionTests
{
    private static readonly ConversionTrainingOptions Options = new(Folds: 3, Seed: 1, Trainers: [TrainerKind.LogisticRegression], Importance: false);

    [Fact]
    public void TitleWords_AreLeftOut_WhenTitlesSayNothingBeyondSeniority_AndKept_WhenAWordPredictsReplies()
    {
        // Given generated leads (the true model reads a title's seniority only), and a copy where repliers far more
        // often have "Procurement" in their title
        var generated = GeneratedLeads.Get(8_000, seed: 7);
        var invited = generated.All.Where(f => PreContactFacts.Of(f) is not null).ToList();
        var random = new Random(5);
        var planted = invited
            .Select(f => random.NextDouble() < (f.Lead.Replied == true ? 0.5 : 0.08) ? f with { Lead = f.Lead with { Title = f.Lead.Title + " Procurement" } } : f)
            .ToList();

        // When
        var plain = Choose(invited);
        var withWord = Choose(planted);

        // Then
        var plainWords = plain.Choices.Single(c => c.Group == "title words");
        Assert.False(plainWords.Kept, $"title words added {plainWords.Gain:F4} AUC on generated data");
        Assert.DoesNotContain(plain.Encoder.FeatureNames, n => n.StartsWith("titleWord=", StringComparison.Ordinal));
        var plantedWords = withWord.Choices.Single(c => c.Group == "title words");
        Assert.True(plantedWords.Kept && plantedWords.Gain > 0.02, $"gain {plantedWords.Gain:F4}");
        Assert.Contains("titleWord=procurement", withWord.Encoder.FeatureNames);
        Assert.Equal(withWord.Encoder.FeatureNames, withWord.Data.FeatureNames);
        Assert.Equal(["title words", "campaign owner", "point subtotals"], plain.Choices.Select(c => c.Group));
    }

    private static (LeadFeatureEncoder Encoder, FeatureMatrix Data, IReadOnlyList<FeatureGroupChoice> Choices) Choose(IReadOnlyList<LeadFacts> leads)
    {
        var (encoder, data, _, choices) = FeatureSelection.Choose([.. leads.Select(f => PreContactFacts.Of(f)!)], [.. leads.Select(f => f.Lead.Replied == true)], Options, CancellationToken.None);
        return (encoder, data, choices);
    }
}
