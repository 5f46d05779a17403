using System.CommandLine;
using System.Globalization;
using Leadwise.Cli.Rendering;
using Leadwise.Core.Outreach;
using Leadwise.Learning.Features;
using Leadwise.Learning.Training;
using Leadwise.Scoring.Reports;
using Leadwise.Scoring.Rules;
using Spectre.Console;

namespace Leadwise.Cli.Commands;

/// <summary>
/// <c>leadwise train</c>: cross-validates conversion models on the store's invited leads (replied = converted)
/// and compares them with the base rate and the point rules. The model registry is the next step of
/// this feature; until then the command evaluates and says that nothing was saved.
/// </summary>
internal static class TrainCommand
{
    public static Command Create(CliContext context, GlobalOptions globals)
    {
        var folds = new Option<int>("--folds") { Description = "Cross-validation folds", DefaultValueFactory = _ => 5 }.AtLeast(2);
        var seed = new Option<int>("--seed") { Description = "Seed for folds and trainers (same seed, same metrics)", DefaultValueFactory = _ => 0 };
        var command = new Command("train", "Cross-validate conversion models (LightGBM, FastTree, logistic regression) on invited leads, calibrate the best, and compare with the base rate and the point rules") { folds, seed };
        var table = new TrainTableOptions();
        table.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            if (parseResult.GetResult(table.Csv) is not null)
            {
                return await TrainTableCommand.RunAsync(parseResult, table, parseResult.GetValue(folds), parseResult.GetValue(seed), context, cancellationToken);
            }

            await using var store = await StoreOpener.OpenExistingAsync(parseResult.GetValue(globals.Database), context, cancellationToken);
            var messages = new Dictionary<CampaignId, List<Message>>();
            await foreach (var message in store.ReadMessagesAsync(cancellationToken))
            {
                (messages.TryGetValue(message.CampaignId, out var list) ? list : messages[message.CampaignId] = []).Add(message);
            }

            var leads = await RulesCommand.ReadAllFactsAsync(store, cancellationToken);
            var rows = leads
                .Select(facts => (Facts: PreContactFacts.Of(facts, messages.GetValueOrDefault(facts.Lead.CampaignId)), Replied: facts.Lead.Replied == true))
                .Where(row => row.Facts is not null)
                .ToList();
            var encoder = LeadFeatureEncoder.Fit(rows.Select(row => row.Facts!));
            var data = new FeatureMatrix(encoder.FeatureNames, [.. rows.Select(row => encoder.Encode(row.Facts!))], [.. rows.Select(row => row.Replied)]);
            context.Console.MarkupLineInterpolated(CultureInfo.InvariantCulture,
                $"Training on [bold]{data.Labels.Count:N0}[/] invited leads ({data.Positives:N0} replied) with {encoder.FeatureNames.Count} features known at the invite, {parseResult.GetValue(folds)}-fold cross-validation");

            TrainingReport report;
            try
            {
                report = new ConversionTrainer(parseResult.GetValue(folds), parseResult.GetValue(seed)).Evaluate(data, cancellationToken: cancellationToken);
            }
            catch (NotEnoughDataException exception)
            {
                throw new UserFacingException(exception.Message);
            }

            var points = RankingEvaluation.Build(RulesLoader.LoadDefault(), leads);
            Write(context.Console, report, points);
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Write(IAnsiConsole console, TrainingReport report, RankingEvaluation points)
    {
        foreach (var warning in report.Warnings)
        {
            console.MarkupLineInterpolated($"[yellow]warning:[/] {warning}");
        }

        var table = new Table().Border(TableBorder.Rounded).Title("Held-out (out-of-fold) metrics, 95% bootstrap intervals");
        table.AddColumn("Model");
        table.AddColumn(new TableColumn("ROC AUC (95% CI)").RightAligned());
        table.AddColumn(new TableColumn("PR AUC").RightAligned());
        table.AddColumn(new TableColumn("Log loss").RightAligned());
        table.AddColumn(new TableColumn("Brier").RightAligned());
        table.AddColumn(new TableColumn("Calib. error").RightAligned());
        table.AddColumn(new TableColumn("Lift top 10%").RightAligned());
        var baseRate = (double)report.Positives / report.Rows;
        var baseLogLoss = -((baseRate * Math.Log(baseRate)) + ((1 - baseRate) * Math.Log(1 - baseRate)));
        table.AddRow("base rate", "0.500", F(baseRate), F(baseLogLoss), F(baseRate * (1 - baseRate)), "0.000", "1.00");
        table.AddRow("point rules", F(points.Auc), "", "", "", "", "");
        foreach (var trainer in report.Trainers)
        {
            var chosen = trainer.Trainer == report.Chosen ? " [green](chosen)[/]" : string.Empty;
            table.AddRow(
                trainer.Trainer + chosen,
                string.Create(CultureInfo.InvariantCulture, $"{trainer.Metrics.RocAuc:F3} ({trainer.AucLow:F3}–{trainer.AucHigh:F3})"),
                MetricText.WithInterval(trainer.Metrics.PrAuc, trainer.Intervals?.PrAuc),
                MetricText.WithInterval(trainer.Metrics.LogLoss, trainer.Intervals?.LogLoss),
                MetricText.WithInterval(trainer.Metrics.Brier, trainer.Intervals?.Brier),
                MetricText.WithInterval(trainer.Metrics.CalibrationError, trainer.Intervals?.CalibrationError),
                MetricText.WithInterval(trainer.Metrics.Lift[1].Lift, trainer.Intervals?.LiftAt10, "F2"));
        }

        var calibrated = report.CalibratedMetrics;
        table.AddRow(
            $"calibrated ({report.Calibration.Chosen})",
            MetricText.WithInterval(calibrated.RocAuc, report.CalibratedIntervals?.RocAuc),
            MetricText.WithInterval(calibrated.PrAuc, report.CalibratedIntervals?.PrAuc),
            MetricText.WithInterval(calibrated.LogLoss, report.CalibratedIntervals?.LogLoss),
            MetricText.WithInterval(calibrated.Brier, report.CalibratedIntervals?.Brier),
            MetricText.WithInterval(calibrated.CalibrationError, report.CalibratedIntervals?.CalibrationError),
            MetricText.WithInterval(calibrated.Lift[1].Lift, report.CalibratedIntervals?.LiftAt10, "F2"));
        var best = calibrated.BestF1;
        table.Caption(string.Create(CultureInfo.InvariantCulture,
            $"{report.Rows:N0} leads, {report.Positives:N0} converted; point rules: built-in rules scored as of each invite. F1-optimal threshold {best.Threshold:F3}: F1 {best.F1:F3}, TP {best.TruePositives}, FP {best.FalsePositives}, FN {best.FalseNegatives}, TN {best.TrueNegatives}."));
        console.Write(table);
        console.MarkupLine("[grey]Evaluation only: the model registry (save, promote, score with it) is the next step of this feature; nothing was saved.[/]");
    }

    private static string F(double value) => double.IsNaN(value) ? "n/a" : value.ToString("F3", CultureInfo.InvariantCulture);
}
