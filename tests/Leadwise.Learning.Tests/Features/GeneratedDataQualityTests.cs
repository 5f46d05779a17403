using Leadwise.Core.Companies;
using Leadwise.Core.Engagement;
using Leadwise.Core.Metrics;
using Leadwise.Core.Scoring;
using Leadwise.Generator;
using Leadwise.Learning.Features;
using Leadwise.Learning.Training;
using Xunit.Abstractions;

namespace Leadwise.Learning.Tests.Features;

/// <summary>
/// The conversion model on generated data with known truth: how close its held-out ranking comes to the
/// ranking by the true reply probabilities. Measured, not yet held to issue 5's 0.97 bar (see the note).
/// </summary>
public sealed class GeneratedDataQualityTests(ITestOutputHelper output)
{
    [Fact]
    public void OutOfFoldAuc_OfPreContactFeatures_IsWellAboveChance_AndReported()
    {
        // Given 20k generated leads with events and companies, and each invited lead's true reply probability
        var export = new OutreachGenerator().Generate(new GeneratorOptions { LeadCount = 20_000, Seed = 42 });
        var campaigns = export.Campaigns.ToDictionary(c => c.Id);
        var companies = new CompanyDirectory(export.Companies());
        var messages = export.Messages.GroupBy(m => m.CampaignId).ToDictionary(g => g.Key, g => (IReadOnlyList<Leadwise.Core.Outreach.Message>)[.. g]);
        var events = export.Events().GroupBy(e => e.LeadId).ToDictionary(g => g.Key, g => (IReadOnlyList<EngagementEvent>)[.. g]);
        var rows = new List<(PreContactFacts Facts, bool Replied, double Truth)>();
        foreach (var generated in export.LeadsWithTruth())
        {
            var lead = generated.Lead;
            var facts = new LeadFacts(lead, campaigns.GetValueOrDefault(lead.CampaignId), companies.Find(lead), events.GetValueOrDefault(lead.Id) ?? []);
            if (PreContactFacts.Of(facts, messages.GetValueOrDefault(lead.CampaignId)) is { } preContact)
            {
                rows.Add((preContact, lead.Replied == true, generated.Truth.ReceivedReplyProbability));
            }
        }

        var encoder = LeadFeatureEncoder.Fit(rows.Select(r => r.Facts));
        var data = new FeatureMatrix(encoder.FeatureNames, [.. rows.Select(r => encoder.Encode(r.Facts))], [.. rows.Select(r => r.Replied)]);

        // When
        var result = new CrossValidation(folds: 5, seed: 0).Run(data, TrainerKind.LightGbm);

        // Then
        var labels = rows.Select(r => r.Replied).ToArray();
        var trueAuc = RocAuc.Compute([.. rows.Select(r => r.Truth)], labels);
        output.WriteLine($"rows {rows.Count}, positives {data.Positives}, model AUC {result.Metrics.RocAuc:F3}, true-probability AUC {trueAuc:F3}, ratio {result.Metrics.RocAuc / trueAuc:F3}, ECE {result.Metrics.CalibrationError:F4}");
        Assert.True(result.Metrics.RocAuc > 0.6, $"model AUC {result.Metrics.RocAuc}");
        Assert.True(result.Metrics.RocAuc <= trueAuc + 0.02, "a model cannot rank better than the truth beyond noise");
    }
}
