using Leadwise.Core.Scoring;
using Leadwise.Learning.Evaluation;
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
        Assert.True(plantedWords.GainLow > 0 && plantedWords.GainLow <= plantedWords.Gain && plantedWords.Gain <= plantedWords.GainHigh, $"gain {plantedWords.Gain:F4} ({plantedWords.GainLow:F4}–{plantedWords.GainHigh:F4})");
        Assert.Contains("titleWord=procurement", withWord.Encoder.FeatureNames);
        Assert.Equal(withWord.Encoder.FeatureNames, withWord.Data.FeatureNames);
        Assert.Equal(["title words", "campaign owner", "point subtotals"], plain.Choices.Select(c => c.Group));
    }

    [Fact]
    public void TitleTokens_AreFittedOnEachTrainingFold_SoATokenOnlyInHeldOutRowsGetsNoSlot()
    {
        // Given generated leads where only rows of fold 0 (of the folds cross-validation will use) say "Zollbeamter"
        var generated = GeneratedLeads.Get(8_000, seed: 7);
        bool[] labels = [.. generated.Replied];
        var fold = StratifiedFolds.Assign(labels, Options.Folds, Options.Seed);
        var leads = generated.All.Where(f => PreContactFacts.Of(f) is not null)
            .Select((f, i) => fold[i] == 0 && i % 3 == 0 ? f with { Lead = f.Lead with { Title = f.Lead.Title + " Zollbeamter" } } : f)
            .Select(f => PreContactFacts.Of(f)!).ToList();
        var options = new LeadFeatureOptions { TitleWords = true };
        var (_, data) = FeatureSelection.Encode(leads, labels, options);
        var fitted = new System.Collections.Concurrent.ConcurrentBag<(IReadOnlyList<int> TrainRows, IReadOnlyList<string> Names)>();
        var recording = new FeatureMatrix(data.FeatureNames, data.Rows, data.Labels)
        {
            RefitOn = rows =>
            {
                var refitted = data.RefitOn!(rows);
                fitted.Add((rows, refitted.FeatureNames));
                return refitted;
            },
        };

        // When
        new CrossValidation(Options.Folds, Options.Seed).Run(recording, TrainerKind.LogisticRegression);

        // Then: fitted on every lead the token has a slot; each fold's encoder was fitted on its training rows only,
        // and the fold that holds every "Zollbeamter" out has no slot for it
        Assert.Contains("titleWord=zollbeamter", data.FeatureNames);
        Assert.Equal(Options.Folds, fitted.Count);
        foreach (var (trainRows, names) in fitted)
        {
            var heldOut = Enumerable.Range(0, labels.Length).Except(trainRows).ToList();
            var heldOutFold = fold[heldOut[0]];
            Assert.All(heldOut, i => Assert.Equal(heldOutFold, fold[i]));
            Assert.Equal(heldOutFold != 0, names.Contains("titleWord=zollbeamter"));
        }
    }

    private static (LeadFeatureEncoder Encoder, FeatureMatrix Data, IReadOnlyList<FeatureGroupChoice> Choices) Choose(IReadOnlyList<LeadFacts> leads)
    {
        var (encoder, data, _, choices) = FeatureSelection.Choose([.. leads.Select(f => PreContactFacts.Of(f)!)], [.. leads.Select(f => f.Lead.Replied == true)], Options, CancellationToken.None);
        return (encoder, data, choices);
    }
}
