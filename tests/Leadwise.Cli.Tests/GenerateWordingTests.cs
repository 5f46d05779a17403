using Leadwise.Generator;
using Leadwise.Generator.Truth;

namespace Leadwise.Cli.Tests;

/// <summary><c>leadwise generate --wording-scale --latent-quality-sd</c>: the export the library generates with those model parameters.</summary>
public sealed class GenerateWordingTests
{
    [Fact]
    public async Task Should_write_the_library_export_with_the_wording_effect_and_its_truth()
    {
        using var folder = new TempFolder();
        var export = folder.Combine("export");

        // When
        var run = await CliRun.RunAsync("generate", "--leads", "1500", "--seed", "5", "--out", export, "--wording-scale", "0.8", "--latent-quality-sd", "0.1");

        // Then the truth holds the library's profiles for the same options, wording included
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var expected = new OutreachGenerator().Generate(new GeneratorOptions { LeadCount = 1500, Seed = 5, Model = new TrueModelParameters { WordingScale = 0.8, LatentQualitySd = 0.1 } });
        var truth = await GroundTruth.LoadAsync(export, CancellationToken.None);
        Assert.Equal(0.8, truth.Model.Parameters.WordingScale);
        Assert.Equal(0.1, truth.Model.Parameters.LatentQualitySd);
        Assert.All(expected.MessageProfiles, m => Assert.Equal(m, truth.Messages[m.Key]));
        Assert.Contains(expected.MessageProfiles, m => m.Wording != 0);

        // And without the options the truth has no wording at all
        var plain = folder.Combine("plain");
        Assert.Equal(ExitCodes.Success, (await CliRun.RunAsync("generate", "--leads", "1500", "--seed", "5", "--out", plain)).ExitCode);
        var plainTruth = await GroundTruth.LoadAsync(plain, CancellationToken.None);
        Assert.All(plainTruth.Messages.Values, m => Assert.Equal(0.0, m.Wording));
        Assert.DoesNotContain("wording", (await File.ReadAllLinesAsync(Path.Combine(plain, "truth", "messages.csv")))[0], StringComparison.Ordinal);
    }
}
