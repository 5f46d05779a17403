using Leadwise.Generator.Truth;
using Leadwise.Generator.Writing;

namespace Leadwise.Generator.Tests;

/// <summary>
/// <see cref="TrueModelParameters.WordingScale"/>: a message's quality carries the effects of the phrases its content
/// was built from, so messages that share wording share that part of their quality, and the rest is the latent spread.
/// </summary>
public sealed class MessageWordingTests
{
    private static readonly GeneratorOptions Worded = new() { LeadCount = 20_000, Seed = 42, Model = new TrueModelParameters { WordingScale = 1.0, LatentQualitySd = 0.15 } };

    [Fact]
    public void Should_leave_quality_free_of_the_text_and_every_wording_zero_by_default()
    {
        var export = new OutreachGenerator().Generate(new GeneratorOptions { LeadCount = 5_000, Seed = 42 });

        Assert.All(export.MessageProfiles, m => Assert.Equal(0.0, m.Wording));
        Assert.Equal(0.0, export.Model.Parameters.WordingScale);
    }

    [Fact]
    public void Should_give_equal_wording_to_equal_texts_and_add_it_to_a_latent_part_of_the_set_spread()
    {
        // Given the same export with and without the wording effect
        var plain = new OutreachGenerator().Generate(Worded with { Model = new TrueModelParameters { LatentQualitySd = 0.15 } });
        var worded = new OutreachGenerator().Generate(Worded);

        // Then the texts, traits and latent draws are the same, and quality = latent + wording
        Assert.Equal(plain.Messages.Select(m => m.Content), worded.Messages.Select(m => m.Content));
        var pairs = plain.MessageProfiles.Zip(worded.MessageProfiles).ToList();
        Assert.All(pairs, pair => Assert.Equal(pair.First.Quality + pair.Second.Wording, pair.Second.Quality, 1e-12));
        Assert.All(pairs, pair => Assert.Equal(pair.First with { Quality = 0, Wording = 0 }, pair.Second with { Quality = 0, Wording = 0 }));

        // Messages of one step and language with the same text (placeholders aside, it decides the phrases) share their wording
        var contents = worded.Messages.ToDictionary(m => m.Key, m => m.Content);
        var byText = worded.MessageProfiles.GroupBy(m => (contents[m.Key], m.Key.Order == 0)).Where(g => g.Count() > 1).ToList();
        Assert.NotEmpty(byText);
        Assert.All(byText, g => Assert.Single(g.Select(m => m.Wording).Distinct()));

        // Wording varies between texts, and the latent part keeps the set spread (three standard errors of an sd)
        var wordings = worded.MessageProfiles.Select(m => m.Wording).Distinct().Count();
        Assert.True(wordings > 10, $"{wordings} distinct wording effects");
        var latent = worded.MessageProfiles.Select(m => m.Quality - m.Wording).ToList();
        var mean = latent.Average();
        var sd = Math.Sqrt(latent.Sum(v => (v - mean) * (v - mean)) / (latent.Count - 1));
        Assert.InRange(sd, 0.15 - (3 * 0.15 / Math.Sqrt(2.0 * (latent.Count - 1))), 0.15 + (3 * 0.15 / Math.Sqrt(2.0 * (latent.Count - 1))));
    }

    [Fact]
    public void Should_make_replies_follow_the_worded_quality()
    {
        // The simulated replies come from the worded qualities: their count matches the truth's sum of probabilities
        var export = new OutreachGenerator().Generate(Worded);
        var leads = export.LeadsWithTruth().ToList();
        var expected = leads.Sum(g => g.Truth.ReceivedReplyProbability);
        var sd = Math.Sqrt(leads.Sum(g => g.Truth.ReceivedReplyProbability * (1 - g.Truth.ReceivedReplyProbability)));
        Assert.InRange(leads.Count(g => g.Lead.Replied == true), expected - (4 * sd), expected + (4 * sd));
        var profiles = export.MessageProfiles.ToDictionary(m => m.Key);
        foreach (var generated in leads.Take(2_000))
        {
            var sequence = Enumerable.Range(0, generated.Truth.ReceivedSteps).Select(order => profiles[new(generated.Truth.CampaignId, order)]).ToArray();
            Assert.Equal(export.Model.ReplyProbability(generated.Truth.Profile, sequence), generated.Truth.ReceivedReplyProbability);
        }
    }

    [Fact]
    public void Should_refuse_a_negative_latent_spread()
    {
        var options = new GeneratorOptions { LeadCount = 100, Model = new TrueModelParameters { LatentQualitySd = -0.1 } };
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new OutreachGenerator().Generate(options));
        Assert.Contains("LatentQualitySd", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_write_the_wording_into_the_truth_and_read_truth_folders_written_before_it()
    {
        var folder = Path.Combine(Path.GetTempPath(), "leadwise-wording-" + Guid.NewGuid().ToString("N"));
        try
        {
            // Given a worded export on disk
            var export = new OutreachGenerator().Generate(Worded with { LeadCount = 2_000 });
            await new GeneratedExportWriter().WriteAsync(export, folder, progress: null, CancellationToken.None);

            // Then the truth reloads every profile with its wording and the model with its wording parameters
            var truth = await GroundTruth.LoadAsync(folder, CancellationToken.None);
            Assert.Equal(1.0, truth.Model.Parameters.WordingScale);
            Assert.Equal(0.15, truth.Model.Parameters.LatentQualitySd);
            Assert.All(export.MessageProfiles, m => Assert.Equal(m, truth.Messages[m.Key]));
            Assert.Contains(export.MessageProfiles, m => m.Wording != 0);

            // And a messages file of the earlier format (no wording column) still loads, with wording 0
            var path = Path.Combine(folder, "truth", "messages.csv");
            var lines = await File.ReadAllLinesAsync(path);
            await File.WriteAllLinesAsync(path, lines.Select(line => line[..line.LastIndexOf(',')]));
            var old = await GroundTruth.LoadAsync(folder, CancellationToken.None);
            Assert.All(export.MessageProfiles, m => Assert.Equal(m with { Wording = 0 }, old.Messages[m.Key]));

            // But a row with a field missing is refused with its file and line
            await File.WriteAllLinesAsync(path, [lines[0], lines[1][..lines[1].LastIndexOf(',')]]);
            var error = await Assert.ThrowsAsync<FormatException>(() => GroundTruth.LoadAsync(folder, CancellationToken.None));
            Assert.Contains("messages.csv:2", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
