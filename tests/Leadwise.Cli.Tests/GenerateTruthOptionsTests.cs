using Leadwise.Generator;
using Leadwise.Generator.Truth;

namespace Leadwise.Cli.Tests;

/// <summary>
/// <c>leadwise generate</c>'s truth options (<c>--wording-scale --latent-quality-sd</c>; <c>--responsiveness-sd --history-days
/// --history-sessions --history-weight</c>): the export the library generates with those parameters.
/// </summary>
public sealed class GenerateTruthOptionsTests
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

    [Fact]
    public async Task Should_write_the_library_export_with_a_pre_contact_history_and_its_truth()
    {
        using var folder = new TempFolder();
        var export = folder.Combine("export");

        // When
        var run = await CliRun.RunAsync("generate", "--leads", "1500", "--seed", "5", "--out", export,
            "--responsiveness-sd", "0.3", "--history-days", "365", "--history-sessions", "4", "--history-weight", "3");

        // Then the truth records the spread and the history, and events.csv holds the library's events for the same options
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var engagement = new EngagementModelParameters().WithHistory(365, meanSessions: 4, responsivenessWeight: 3, responsivenessSd: 0.3);
        var expected = new OutreachGenerator().Generate(new GeneratorOptions { LeadCount = 1500, Seed = 5, Model = new TrueModelParameters { ResponsivenessSd = 0.3 }, Engagement = engagement });
        var truth = await GroundTruth.LoadAsync(export, CancellationToken.None);
        Assert.Equal(0.3, truth.Model.Parameters.ResponsivenessSd);
        Assert.Equal(365, truth.Engagement!.HistoryDays);
        Assert.Equal(Math.Log(4) - (9 * 0.09 / 2), truth.Engagement.HistorySessionsIntercept, 12);
        Assert.Equal(3, truth.Engagement.HistoryResponsivenessWeight);
        var events = await File.ReadAllLinesAsync(Path.Combine(export, "events.csv"));
        var expectedEvents = expected.Events().ToList();
        Assert.Equal(expectedEvents.Count, events.Length - 1);
        var history = expectedEvents.Count(e => e.ClientEventId!.Contains("-h", StringComparison.Ordinal));
        Assert.True(history > 2 * 1500, $"about four sessions a person over the year, and their newsletters: {history} history events");
        Assert.Equal(history, events.Count(line => line.Contains("-h", StringComparison.Ordinal)));

        // And the responsiveness of the truth's leads is drawn with the smaller spread
        var spread = Math.Sqrt(truth.Leads.Values.Select(l => l.Profile.Responsiveness).Select(u => u * u).Average());
        Assert.InRange(spread, 0.27, 0.33);
    }
}
