using Leadwise.Generator;
using Leadwise.Generator.Truth;

namespace Leadwise.Cli.Tests;

/// <summary>
/// <c>leadwise generate --responsiveness-sd --history-days --history-sessions --history-weight</c>: the export the library
/// generates with a pre-contact history whose sessions follow the latent responsiveness (docs/generator.md).
/// </summary>
public sealed class GenerateHistoryTests
{
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
