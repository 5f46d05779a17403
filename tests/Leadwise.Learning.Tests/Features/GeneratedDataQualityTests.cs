using Leadwise.Core.Companies;
using Leadwise.Core.Engagement;
using Leadwise.Core.Metrics;
using Leadwise.Core.Outreach;
using Leadwise.Core.Scoring;
using Leadwise.Generator;
using Leadwise.Learning.Features;
using Leadwise.Learning.Model;
using Xunit.Abstractions;

namespace Leadwise.Learning.Tests.Features;

/// <summary>
/// Issue 5's quality bar on generated data with known truth: the chosen, calibrated model's held-out AUC
/// against the best ranking attainable before contact, and its calibration error.
/// </summary>
/// <remarks>
/// The truth file's probabilities include each lead's latent responsiveness u ~ N(0, 0.6²) (LeadSimulator),
/// which no field shows. Integrating u out gives the Bayes-optimal probability from what is observable:
/// the lead's profile, its campaign's messages and how many of them could reach it before the data ends.
/// That is the ceiling a pre-contact model is held to (0.97 ×) on the default data; the AUC of the probabilities
/// with u is printed beside it. Where u shows before contact (a year of pre-contact history whose sessions follow it),
/// the truth itself is within reach, and the literal bar, 0.97 × the AUC of the truth file's probabilities,
/// is held on 60k leads (docs/predictive-scoring.md, "How visible responsiveness must be").
/// </remarks>
public sealed class GeneratedDataQualityTests(ITestOutputHelper output)
{
    [Fact]
    public void ChosenModel_ReachesNinetySevenPercentOfTheAttainableAuc_AndIsCalibrated()
    {
        // Given 20k generated leads with events and companies, as the store would hand them over
        var result = TrainOn(new GeneratorOptions { LeadCount = 20_000, Seed = 42 });

        // Then
        Assert.True(result.Model.RocAuc >= 0.97 * result.Attainable, $"model AUC {result.Model.RocAuc:F3} < 0.97 × attainable {result.Attainable:F3}");
        Assert.True(result.Model.CalibrationError < 0.02, $"ECE {result.Model.CalibrationError:F4}");
        Assert.True(result.Model.RocAuc <= result.WithU + 0.02, "a model cannot rank better than the truth beyond noise");
    }

    [Fact]
    public void ChosenModel_ReachesNinetySevenPercentOfTheTruthsAuc_WhenResponsivenessShowsBeforeContact()
    {
        // Given 60k generated leads whose people were known for a year before the lead was created: four website
        // sessions each on average, at a rate that doubles with each 0.35 of responsiveness (weight 2), and their
        // newsletters (`leadwise generate --leads 60000 --history-days 365 --history-sessions 4 --history-weight 2`)
        var spread = new Leadwise.Generator.Truth.TrueModelParameters().ResponsivenessSd;
        var options = new GeneratorOptions
        {
            LeadCount = 60_000,
            Seed = 42,
            Engagement = new Leadwise.Generator.Truth.EngagementModelParameters().WithHistory(365, meanSessions: 4, responsivenessWeight: 2, responsivenessSd: spread),
        };
        var result = TrainOn(options);

        // Then the literal bar: 0.97 × the AUC of the truth file's probabilities, u included
        Assert.True(result.Model.RocAuc >= 0.97 * result.WithU, $"model AUC {result.Model.RocAuc:F4} < 0.97 × truth {result.WithU:F4}");
        Assert.True(result.Model.CalibrationError < 0.02, $"ECE {result.Model.CalibrationError:F4}");
    }

    private (Leadwise.Learning.Evaluation.BinaryMetrics Model, double Attainable, double WithU) TrainOn(GeneratorOptions options)
    {
        var export = new OutreachGenerator().Generate(options);
        var campaigns = export.Campaigns.ToDictionary(c => c.Id);
        var companies = new CompanyDirectory(export.Companies());
        var messages = export.Messages.GroupBy(m => m.CampaignId).ToDictionary(g => g.Key, g => (IReadOnlyList<Message>)[.. g]);
        var events = export.Events().GroupBy(e => e.LeadId).ToDictionary(g => g.Key, g => (IReadOnlyList<EngagementEvent>)[.. g]);
        var truths = export.LeadsWithTruth().ToDictionary(g => g.Lead.Id, g => g.Truth);
        var facts = export.Leads()
            .Select(lead => new LeadFacts(lead, campaigns.GetValueOrDefault(lead.CampaignId), companies.Find(lead), events.GetValueOrDefault(lead.Id) ?? []))
            .ToList();
        var (invited, replied) = StoreLeads.InvitedOf(facts, messages);

        // When: as `leadwise train` does it, optional feature groups included where they help on held-out folds
        var (_, data, run, choices) = FeatureSelection.Choose(invited, replied, new ConversionTrainingOptions(Folds: 5, Seed: 0), CancellationToken.None);
        var report = run.Report;

        var labels = replied.ToArray();
        var withU = RocAuc.Compute([.. invited.Select(f => truths[f.LeadId].ReceivedReplyProbability)], labels);
        var attainable = RocAuc.Compute([.. invited.Select(f => WithoutResponsiveness(export, truths[f.LeadId]))], labels);
        var model = report.CalibratedMetrics;
        output.WriteLine($"invited {labels.Length}, replied {data.Positives}; chosen {report.Chosen} + {report.Calibration.Chosen}: AUC {model.RocAuc:F4} ({report.CalibratedIntervals?.RocAuc.Low:F3}–{report.CalibratedIntervals?.RocAuc.High:F3}), ECE {model.CalibrationError:F4}, {data.FeatureNames.Count} features");
        output.WriteLine($"attainable from the profile (u integrated out) {attainable:F4} → ratio {model.RocAuc / attainable:F4}; truth with u {withU:F4} → ratio {model.RocAuc / withU:F4}");
        foreach (var choice in choices)
        {
            output.WriteLine($"  optional {choice.Group}: {choice.AucWithout:F4} → {choice.AucWith:F4} (difference {choice.Gain:+0.0000;-0.0000}, 95% {choice.GainLow:+0.0000;-0.0000} to {choice.GainHigh:+0.0000;-0.0000}), kept {choice.Kept}");
        }

        foreach (var trainer in report.Trainers)
        {
            output.WriteLine($"  {trainer.Trainer}: {trainer.Metrics.RocAuc:F3}");
        }

        return (model, attainable, withU);
    }

    /// <summary>
    /// E_u[P(reply | profile, u, the messages that could reach the lead)] over u ~ N(0, σ²) with the generator's σ, on a
    /// 41-point grid over ±4σ: what the profile alone tells, ignoring whatever events betray of u.
    /// </summary>
    private static double WithoutResponsiveness(GeneratedExport export, Leadwise.Generator.Truth.LeadTruth truth)
    {
        var sigma = export.Model.Parameters.ResponsivenessSd;
        var received = Enumerable.Range(0, truth.ReceivedSteps)
            .Select(order => export.MessageProfiles.First(p => p.Key == new MessageKey(truth.CampaignId, order)))
            .ToArray();
        double sum = 0, weights = 0;
        for (var i = -20; i <= 20; i++)
        {
            var u = i * 0.2 * sigma;
            var weight = Math.Exp(-0.5 * u * u / (sigma * sigma));
            sum += weight * export.Model.ReplyProbability(truth.Profile with { Responsiveness = u }, received);
            weights += weight;
        }

        return sum / weights;
    }
}
