using Leadwise.Generator.Truth;
using Leadwise.Generator.Writing;

namespace Leadwise.Generator.Tests;

public sealed class GroundTruthTests(GeneratedExportFixture fixture) : IClassFixture<GeneratedExportFixture>
{
    [Fact]
    public void Empirical_reply_count_matches_the_sum_of_true_reply_probabilities()
    {
        var replied = fixture.Leads.Count(generated => generated.Lead.Replied == true);
        var expected = fixture.Leads.Sum(generated => generated.Truth.ReceivedReplyProbability);
        var variance = fixture.Leads.Sum(generated => generated.Truth.ReceivedReplyProbability * (1 - generated.Truth.ReceivedReplyProbability));

        Assert.InRange(replied, expected - (4 * Math.Sqrt(variance)), expected + (4 * Math.Sqrt(variance)));
    }

    [Fact]
    public void Received_probability_is_the_model_on_the_received_steps_of_the_campaign()
    {
        var profiles = fixture.Export.MessageProfiles.ToDictionary(profile => profile.Key);
        foreach (var generated in fixture.Leads.Take(3_000))
        {
            var truth = generated.Truth;
            var sequence = Enumerable.Range(0, truth.ReceivedSteps).Select(order => profiles[new(truth.CampaignId, order)]).ToArray();
            Assert.Equal(fixture.Export.Model.ReplyProbability(truth.Profile, sequence), truth.ReceivedReplyProbability);
            Assert.True(generated.Lead.StepsSent <= Math.Max(1, truth.ReceivedSteps));
            if (generated.Lead.ReplyStep is { } step)
            {
                Assert.True(step < truth.ReceivedSteps, $"lead {truth.LeadId} replied at step {step} of {truth.ReceivedSteps}");
            }
        }
    }

    [Fact]
    public void Best_sequence_is_never_worse_than_the_received_one()
    {
        Assert.All(fixture.Leads, generated =>
            Assert.True(generated.Truth.BestReplyProbability >= generated.Truth.ReceivedReplyProbability - 1e-12, $"lead {generated.Truth.LeadId}"));
        Assert.All(fixture.Leads, generated => Assert.NotEmpty(generated.Truth.BestSequence));
        Assert.True(fixture.Leads.Average(generated => generated.Truth.BestReplyProbability) > fixture.Leads.Average(generated => generated.Truth.ReceivedReplyProbability) * 1.2);
    }

    [Fact]
    public void German_leads_best_invite_is_German_more_often_than_English_leads()
    {
        var languages = fixture.Export.MessageProfiles.ToDictionary(profile => profile.Key, profile => profile.Language);
        double GermanShare(Language language)
        {
            var bestInvites = fixture.Leads
                .Where(generated => generated.Truth.Profile.Language == language && !generated.Truth.Profile.IsSpam)
                .Select(generated => languages[generated.Truth.BestSequence[0]])
                .ToArray();
            return bestInvites.Count(best => best == Language.German) / (double)bestInvites.Length;
        }

        Assert.True(GermanShare(Language.German) > GermanShare(Language.English) + 0.3, $"{GermanShare(Language.German)} vs {GermanShare(Language.English)}");
    }

    [Fact]
    public void Follow_ups_stop_at_the_reply()
    {
        var export = new OutreachGenerator().Generate(new GeneratorOptions { LeadCount = 5_000, Seed = 3 });
        var replies = export.LeadsWithTruth().Where(generated => generated.Lead.Replied == true).ToArray();
        Assert.NotEmpty(replies);
        Assert.All(replies, generated => Assert.Equal(generated.Lead.StepsSent - 1, generated.Lead.ReplyStep));
    }

    [Fact]
    public async Task Written_truth_reloads_to_the_same_model_profiles_and_probabilities()
    {
        // Given a small export written to disk
        var folder = Path.Combine(Path.GetTempPath(), "leadwise-truth-" + Guid.NewGuid().ToString("N"));
        try
        {
            var export = new OutreachGenerator().Generate(new GeneratorOptions { LeadCount = 2_000, Seed = 11 });
            await new GeneratedExportWriter().WriteAsync(export, folder, progress: null, CancellationToken.None);

            // When it is loaded back
            var truth = await GroundTruth.LoadAsync(folder, CancellationToken.None);

            // Then every lead's profile and probabilities survive, and the reloaded model reproduces them exactly
            Assert.Equal(export.Model.Parameters.StepEffects, truth.Model.Parameters.StepEffects);
            Assert.Equal(export.MessageProfiles.Count, truth.Messages.Count);
            foreach (var generated in export.LeadsWithTruth())
            {
                var loaded = truth.Leads[generated.Lead.Id];
                Assert.Equal(generated.Truth.Profile, loaded.Profile);
                Assert.Equal(generated.Truth.BestSequence, loaded.BestSequence);
                Assert.Equal(generated.Truth.ReceivedReplyProbability, truth.Model.ReplyProbability(truth.Profile(generated.Lead), truth.ReceivedSequence(loaded)));
                Assert.Equal(generated.Truth.BestReplyProbability, truth.Model.ReplyProbability(loaded.Profile, loaded.BestSequence.Select(truth.Profile).ToArray()));
            }

            foreach (var message in export.Messages)
            {
                Assert.Equal(export.MessageProfiles.Single(profile => profile.Key == message.Key), truth.Profile(message));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
