using Leadwise.Core.Metrics;
using Leadwise.Generator;
using Xunit.Abstractions;

namespace Leadwise.Learning.Tests.Features;

/// <summary>
/// How well could any model rank generated replies from what is observable before contact? The truth file's
/// probabilities include each lead's latent responsiveness u ~ N(0, σ²), which no field shows; integrating u
/// out gives the Bayes-optimal ranking from the lead's profile and its campaign's (censored) messages.
/// </summary>
public sealed class AttainableAucTests(ITestOutputHelper output)
{
    [Fact]
    public void IntegratingOutResponsiveness_LowersTheTruthsAuc()
    {
        var export = new OutreachGenerator().Generate(new GeneratorOptions { LeadCount = 20_000, Seed = 42 });
        var profiles = export.MessageProfiles.ToDictionary(p => p.Key);
        const double sigma = 0.6; // LeadSimulator draws u = 0.6 · N(0, 1)
        // A 41-point grid over ±4σ with normal weights: plenty for a smooth integrand.
        var grid = Enumerable.Range(-20, 41).Select(i => i * 0.2 * sigma).ToArray();
        var weights = grid.Select(u => Math.Exp(-0.5 * u * u / (sigma * sigma))).ToArray();
        var total = weights.Sum();
        var withU = new List<double>();
        var withoutU = new List<double>();
        var labels = new List<bool>();
        foreach (var generated in export.LeadsWithTruth())
        {
            if (generated.Lead.InviteSentAt is null)
            {
                continue;
            }

            var truth = generated.Truth;
            var received = Enumerable.Range(0, truth.ReceivedSteps).Select(order => profiles[new Leadwise.Core.Outreach.MessageKey(truth.CampaignId, order)]).ToArray();
            var expected = 0.0;
            for (var i = 0; i < grid.Length; i++)
            {
                expected += weights[i] * export.Model.ReplyProbability(truth.Profile with { Responsiveness = grid[i] }, received);
            }

            withU.Add(truth.ReceivedReplyProbability);
            withoutU.Add(expected / total);
            labels.Add(generated.Lead.Replied == true);
        }

        var truthAuc = RocAuc.Compute([.. withU], [.. labels]);
        var attainable = RocAuc.Compute([.. withoutU], [.. labels]);
        output.WriteLine($"invited {labels.Count}, truth AUC (with u) {truthAuc:F3}, u integrated out {attainable:F3}");
        Assert.True(attainable < truthAuc);
    }
}
