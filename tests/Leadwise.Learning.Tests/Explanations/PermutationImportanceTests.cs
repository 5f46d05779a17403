using Leadwise.Learning.Features;
using Leadwise.Learning.Explanations;
using Leadwise.Learning.Tests.Support;
using Leadwise.Learning.Training;
using Xunit.Abstractions;

namespace Leadwise.Learning.Tests.Explanations;

public sealed class PermutationImportanceTests(ITestOutputHelper output)
{
    [Fact]
    public void FeatureGroup_JoinsOneHotColumnsByTheNameBeforeTheEqualsSign()
    {
        var groups = FeatureGroup.ByName(["seniority=Manager", "country=DE", "seniority=Student", "companyNamed", "invite.long"]);

        Assert.Equal(["seniority", "country", "companyNamed", "invite.long"], groups.Select(g => g.Name));
        Assert.Equal([0, 2], groups[0].Columns);
    }

    [Fact]
    public void CausalGroups_RankAboveAPlantedNoiseFeature_WhoseImportanceIsAboutZero()
    {
        // Given generated leads (the true model has seniority and lead-language × message-language effects) with a
        // pure-noise column added
        var data = WithNoise(GeneratedLeads.Get(20_000, 42).Matrix(), seed: 5);

        // When
        var result = new PermutationImportance(repeats: 5, holdOutFraction: 0.3, seed: 0).Compute(data, TrainerKind.LightGbm);

        // Then
        output.WriteLine($"baseline AUC {result.BaselineAuc:F3} on {result.HeldOutRows} held-out rows");
        foreach (var group in result.Groups)
        {
            output.WriteLine($"{group.Group,-32} {group.MeanAucDrop:+0.0000;-0.0000} ± {group.StandardDeviation:0.0000}");
        }

        var noise = result.Groups.Single(g => g.Group == "noise");
        var seniority = result.Groups.Single(g => g.Group == "seniority");
        var language = result.Groups.Where(g => g.Group is "country" or "leadGermanSpeaking" or "invite.languageMatch" or "invite.german").MaxBy(g => g.MeanAucDrop)!;
        // About zero: within three standard errors of the repeats' mean (the shuffles' own noise), plus a hair.
        var noiseError = noise.StandardDeviation / Math.Sqrt(noise.Drops.Count);
        Assert.True(Math.Abs(noise.MeanAucDrop) < (3 * noiseError) + 0.002, $"noise {noise.MeanAucDrop} ± {noiseError}");
        Assert.True(seniority.MeanAucDrop > noise.MeanAucDrop + 0.01, $"seniority {seniority.MeanAucDrop}");
        Assert.True(language.MeanAucDrop > noise.MeanAucDrop + 0.005, $"{language.Group} {language.MeanAucDrop}");
        Assert.True(result.Groups.ToList().IndexOf(seniority) < result.Groups.ToList().IndexOf(noise));
        Assert.Equal(result.Groups.Select(g => g.MeanAucDrop).OrderDescending(), result.Groups.Select(g => g.MeanAucDrop));
    }

    [Fact]
    public void SameSeed_GivesTheSameImportances()
    {
        var data = WithNoise(GeneratedLeads.Get(4_000, 3).Matrix(), seed: 1);

        var first = new PermutationImportance(repeats: 2, seed: 7).Compute(data, TrainerKind.LightGbm);
        var second = new PermutationImportance(repeats: 2, seed: 7).Compute(data, TrainerKind.LightGbm);

        Assert.Equal(first.BaselineAuc, second.BaselineAuc);
        Assert.Equal(first.Groups.Select(g => (g.Group, g.MeanAucDrop, g.StandardDeviation)), second.Groups.Select(g => (g.Group, g.MeanAucDrop, g.StandardDeviation)));
    }

    [Fact]
    public void Measure_WithAScorerThatReadsOneColumn_FindsOnlyThatColumnImportant()
    {
        // Given a score that is column "a" itself, and labels that follow "a"
        var random = new Random(1);
        var rows = Enumerable.Range(0, 400).Select(_ => new[] { (float)random.NextDouble(), (float)random.NextDouble() }).ToList();
        var labels = rows.Select(r => r[0] > 0.7).ToList();
        var matrix = new FeatureMatrix(["a", "b"], rows, labels);

        // When
        var result = new PermutationImportance(repeats: 3).Measure(matrix, batch => [.. batch.Select(r => (double)r[0])]);

        // Then: the perfect ranking falls to about chance without "a"; "b" is never read, so shuffling it changes nothing
        Assert.Equal(1.0, result.BaselineAuc, 10);
        Assert.Equal("a", result.Groups[0].Group);
        Assert.InRange(result.Groups[0].MeanAucDrop, 0.4, 0.6);
        Assert.Equal(0.0, result.Groups[1].MeanAucDrop);
    }

    private static FeatureMatrix WithNoise(FeatureMatrix data, int seed)
    {
        var random = new Random(seed);
        return new FeatureMatrix([.. data.FeatureNames, "noise"], [.. data.Rows.Select(r => (float[])[.. r, (float)random.NextDouble()])], data.Labels);
    }
}
