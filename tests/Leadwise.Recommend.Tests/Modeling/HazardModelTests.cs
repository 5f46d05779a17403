using System.Globalization;
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

        var model = HazardModel.Train(data, new HazardModelOptions { Seed = 3 });

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
}
