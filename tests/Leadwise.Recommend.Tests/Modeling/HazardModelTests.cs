using System.Globalization;
using System.IO.Compression;
using Leadwise.Learning.Training;
using Leadwise.Recommend.Hazards;
using Leadwise.Recommend.Modeling;
using Leadwise.Recommend.Tests.Support;
using Xunit.Abstractions;

namespace Leadwise.Recommend.Tests.Modeling;

public sealed class HazardModelTests(ITestOutputHelper output)
{
    [Fact]
    public void Trained_on_generated_leads_both_stages_rank_held_out_leads_and_are_calibrated()
    {
        var generated = GeneratedOutreach.Get(20_000, 42);
        var data = HazardRows.Build(generated.Leads, generated.Messages);

        // Both trainers compared (the default is logistic regression alone), so the comparison itself is exercised
        var model = HazardModel.Train(data, new HazardModelOptions { Seed = 3, Trainers = [TrainerKind.LightGbm, TrainerKind.LogisticRegression] });

        foreach (var stage in new[] { model.Report.Hazard, model.Report.Acceptance! })
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{stage.Stage}: {stage.Rows} rows, {stage.Positives} positive, chosen {stage.Chosen}, {stage.ShrunkMessages} messages with a shrinkage factor"));
            foreach (var trainer in stage.Trainers)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {trainer.Trainer}: AUC {trainer.RocAuc:F3}, log loss {trainer.LogLoss:F4}, ECE {trainer.CalibrationError:F4}"));
            }

            foreach (var step in stage.Steps)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  step {step.Step}: {step.Rows} rows, {step.Positives} pos, AUC {step.RocAuc:F3}, ECE {step.CalibrationError:F4}, predicted {step.MeanPredicted:F4} vs observed {step.ObservedRate:F4}"));
            }
        }

        Assert.Equal(2, model.Report.Hazard.Trainers.Count);
        Assert.All(model.Report.Hazard.Trainers, t => Assert.InRange(t.RocAuc, 0.62, 1.0));
        Assert.InRange(model.Report.Acceptance!.Trainers.Max(t => t.RocAuc), 0.6, 1.0);
        Assert.InRange(model.Report.Acceptance.Steps[0].MeanPredicted, model.Report.Acceptance.Steps[0].ObservedRate * 0.9, model.Report.Acceptance.Steps[0].ObservedRate * 1.1);
        // Out-of-fold (grouped by lead) per step: well-populated steps rank, every step with 50+ replies is calibrated.
        Assert.All(model.Report.Hazard.Steps.Where(s => s.Positives >= 200), step => Assert.InRange(step.RocAuc, 0.63, 1.0));
        foreach (var step in model.Report.Hazard.Steps.Where(s => s.Positives >= 50))
        {
            Assert.InRange(step.RocAuc, 0.55, 1.0);
            Assert.InRange(step.MeanPredicted, step.ObservedRate * 0.75, step.ObservedRate * 1.25);
        }
    }

    [Fact]
    public void Saved_and_loaded_model_predicts_the_same_hazards_and_acceptances()
    {
        var generated = GeneratedOutreach.Get(4_000, 7);
        var data = HazardRows.Build(generated.Leads, generated.Messages);
        var model = HazardModel.Train(data, new HazardModelOptions { Seed = 2, Folds = 3 });
        var messages = generated.Messages.Values.SelectMany(m => m).ToList();
        var leads = data.Leads.Values.Take(50).ToList();

        using var buffer = new MemoryStream();
        model.Save(buffer);
        buffer.Position = 0;
        var loaded = HazardModel.Load(buffer);

        foreach (var lead in leads)
        {
            var requests = messages.Select(m => (m, m.Order)).ToList();
            Assert.Equal(model.Hazards(lead, requests), loaded.Hazards(lead, requests));
            var invites = messages.Where(m => m.Order == 0).ToList();
            Assert.Equal(model.Acceptances(lead, invites), loaded.Acceptances(lead, invites));
        }

        Assert.Equal(model.Report.Hazard.Trainers[0].RocAuc, loaded.Report.Hazard.Trainers[0].RocAuc);
        Assert.Equal(model.Report.Hazard.PriorReplies, loaded.Report.Hazard.PriorReplies);
        Assert.Equal(model.FeatureNames, loaded.FeatureNames);
    }

    [Fact]
    public void Loading_a_zip_that_is_not_a_hazard_model_says_so()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            zip.CreateEntry("other.txt");
        }

        buffer.Position = 0;
        var error = Assert.Throws<InvalidDataException>(() => HazardModel.Load(buffer));

        Assert.Contains("card.json", error.Message, StringComparison.Ordinal);
    }
}
