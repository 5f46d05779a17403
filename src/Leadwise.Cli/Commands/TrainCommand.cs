using System.CommandLine;
using System.Globalization;
using Leadwise.Cli.Rendering;
using Leadwise.Core.Outreach;
using Leadwise.Data.Storage;
using Leadwise.Learning.Features;
using Leadwise.Learning.Model;
using Leadwise.Learning.Registry;
using Leadwise.Learning.Training;
using Leadwise.Scoring.Reports;
using Leadwise.Scoring.Rules;
using Spectre.Console;

namespace Leadwise.Cli.Commands;

/// <summary>
/// <c>leadwise train</c>: cross-validates conversion models on the store's invited leads (replied = converted),
/// compares them with the base rate and the point rules, refits the best on all leads and saves it as a new
/// registry version — promoted when it is the first, or with <c>--promote</c>.
/// </summary>
internal static class TrainCommand
{
    public static Command Create(CliContext context, GlobalOptions globals)
    {
        var folds = new Option<int>("--folds") { Description = "Cross-validation folds", DefaultValueFactory = _ => 5 }.AtLeast(2);
        var seed = new Option<int>("--seed") { Description = "Seed for folds and trainers (same seed, same metrics)", DefaultValueFactory = _ => 0 };
        var promote = new Option<bool>("--promote") { Description = "Promote the new version so scoring uses it (the first version is promoted anyway)" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Evaluate only: save nothing" };
        var timeSplit = new Option<bool>("--time-split") { Description = "Also train on the leads invited first (80%) and measure on the newest 20%" };
        var messageText = new MessageTextOptions();
        var bands = new Option<string?>("--grade-bands") { Description = "Lower probability bounds of grades A, B, C, e.g. 0.4,0.25,0.1 (default: top 10% A, next 20% B, next 30% C of held-out leads)" };
        var command = new Command("train", "Cross-validate conversion models (LightGBM, FastTree, logistic regression) on invited leads, calibrate the best, compare with the base rate and the point rules, and save it as a model version; or, with --csv, evaluate the same on your own table") { folds, seed, promote, dryRun, bands, timeSplit };
        messageText.AddTo(command);
        var table = new TrainTableOptions();
        table.AddTo(command);
        var account = new AccountOption();
        account.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            if (parseResult.GetResult(table.Csv) is not null)
            {
                return await TrainTableCommand.RunAsync(parseResult, table, parseResult.GetValue(folds), parseResult.GetValue(seed), context, cancellationToken);
            }

            var gradeBands = ParseBands(parseResult.GetValue(bands));
            await using var store = await StoreOpener.OpenExistingAsync(parseResult.GetValue(globals.Database), context, cancellationToken);
            var options = new ConversionTrainingOptions(parseResult.GetValue(folds), parseResult.GetValue(seed), Bands: gradeBands,
                TimeSplit: parseResult.GetValue(timeSplit) ? Leadwise.Learning.Training.TimeSplit.DefaultTrainShare : null);
            var owner = await account.ResolveAsync(parseResult, store, cancellationToken);
            var leads = await StoreLeads.ReadAsync(store, owner, cancellationToken);
            await RunAsync(context, store, leads, options, save: !parseResult.GetValue(dryRun), parseResult.GetValue(promote), owner, cancellationToken);
            await HazardTraining.RunAsync(context, store, leads, options.Folds, options.Seed, save: !parseResult.GetValue(dryRun), parseResult.GetValue(promote), messageText.Value(parseResult), owner, cancellationToken);
            return ExitCodes.Success;
        });
        return command;
    }

    public static Task<ConversionModel> RunAsync(CliContext context, ILeadwiseStore store, StoreLeads leads, ConversionTrainingOptions options, bool save, bool promote, CancellationToken cancellationToken) =>
        RunAsync(context, store, leads, options, save, promote, null, cancellationToken);

    /// <summary>
    /// Trains on the given invited leads (one account's, when <paramref name="account"/> is given), prints the
    /// comparison, and saves (and maybe promotes) the model, as that account's own when there is one.
    /// </summary>
    /// <exception cref="UserFacingException">Too few converted or unconverted leads to train on (naming the account).</exception>
    public static async Task<ConversionModel> RunAsync(CliContext context, ILeadwiseStore store, StoreLeads leads, ConversionTrainingOptions options, bool save, bool promote, UserId? account, CancellationToken cancellationToken)
    {
        context.Console.MarkupLineInterpolated(CultureInfo.InvariantCulture,
            $"Training on [bold]{leads.Invited.Count:N0}[/] invited leads{(account is { } owner ? $" of account {owner.Value}" : string.Empty)} ({leads.Replied.Count(r => r):N0} replied) with the features known at each invite, {options.Folds}-fold cross-validation");

        TrainedConversionModel trained;
        try
        {
            trained = ConversionModelTrainer.Train(leads.Invited, leads.Replied, options, context.Time.GetUtcNow(), cancellationToken);
        }
        catch (NotEnoughDataException exception)
        {
            throw new UserFacingException(account is { } trainedFor
                ? string.Create(CultureInfo.InvariantCulture, $"Account {trainedFor.Value}: {exception.Message} Nothing was saved; without a model of its own the account's leads are scored with the install-wide model.")
                : exception.Message);
        }
        catch (InvalidOperationException exception) when (options.TimeSplit is not null)
        {
            throw new UserFacingException("--time-split: " + exception.Message);
        }

        Write(context.Console, trained.Report, RankingEvaluation.Build(RulesLoader.LoadDefault(), leads.All));
        foreach (var choice in trained.FeatureChoices)
        {
            context.Console.MarkupLineInterpolated(CultureInfo.InvariantCulture,
                $"Optional features, {choice.Group}: held-out AUC {choice.AucWithout:F4} without, {choice.AucWith:F4} with ({choice.Gain:+0.0000;-0.0000}{(choice.GainLow is { } low && choice.GainHigh is { } high ? string.Create(CultureInfo.InvariantCulture, $", 95% {low:+0.0000;-0.0000} to {high:+0.0000;-0.0000}") : "")}) → {(choice.Kept ? "used" : "left out")}");
        }

        if (trained.TimeSplit is { } split)
        {
            WriteTimeSplit(context.Console, split);
        }
        if (!save)
        {
            context.Console.MarkupLine("[grey]--dry-run: nothing was saved.[/]");
            return trained.Model;
        }

        await SaveAsync(context, new ConversionModelRegistry(store, context.Time, account), trained.Model, promote, cancellationToken);
        return trained.Model;
    }

    private static void WriteTimeSplit(IAnsiConsole console, StoreTimeSplit split)
    {
        console.MarkupLineInterpolated(CultureInfo.InvariantCulture,
            $"Time split: trained on {split.Run.TrainRows.Count:N0} leads invited until {split.TrainedUntil:yyyy-MM-dd}, measured on {split.Run.TestRows.Count:N0} invited from {split.TestedFrom:yyyy-MM-dd} ({split.Run.TestPositives:N0} replied)");
        var table = new Table().Border(TableBorder.Rounded).Title("Time split: newest 20% of invited leads");
        table.AddColumn("Model");
        table.AddColumn(new TableColumn("ROC AUC (95% CI)").RightAligned());
        table.AddColumn(new TableColumn("PR AUC").RightAligned());
        table.AddColumn(new TableColumn("Log loss").RightAligned());
        table.AddColumn(new TableColumn("Calib. error").RightAligned());
        foreach (var trainer in split.Run.Trainers)
        {
            table.AddRow(
                trainer.Trainer.ToString(),
                string.Create(CultureInfo.InvariantCulture, $"{trainer.Metrics.RocAuc:F3} ({trainer.AucLow:F3}–{trainer.AucHigh:F3})"),
                F(trainer.Metrics.PrAuc),
                F(trainer.Metrics.LogLoss),
                F(trainer.Metrics.CalibrationError));
        }

        table.Caption("Uncalibrated. Lower than cross-validation when newer leads differ from older ones (new campaigns, a changed market).");
        console.Write(table);
    }

    private static GradeBands? ParseBands(string? text)
    {
        try
        {
            return text is null ? null : GradeBands.Parse(text);
        }
        catch (FormatException exception)
        {
            throw new UserFacingException("--grade-bands: " + exception.Message);
        }
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
    }

    private static async Task SaveAsync(CliContext context, ConversionModelRegistry registry, ConversionModel model, bool promote, CancellationToken cancellationToken)
    {
        var saved = await registry.SaveAsync(model, cancellationToken);
        var bands = model.Card.Bands;
        context.Console.MarkupLineInterpolated(CultureInfo.InvariantCulture,
            $"Saved as model version [bold]{saved.Version}[/]{(saved.Account is { } owner ? $" of account {owner.Value}" : string.Empty)}: {saved.Summary}. Grades: A ≥ {bands.A:P1}, B ≥ {bands.B:P1}, C ≥ {bands.C:P1}, D below.");
        if (await registry.PromoteNewVersionAsync(saved.Version, promote, cancellationToken) is not { } current)
        {
            context.Console.MarkupLineInterpolated(CultureInfo.InvariantCulture,
                $"Promoted version {saved.Version}: `leadwise score` now scores {(saved.Account is { } promotedFor ? $"account {promotedFor.Value}'s" : "the")} leads with it.");
        }
        else
        {
            context.Console.MarkupLineInterpolated(CultureInfo.InvariantCulture,
                $"Version {current} stays promoted; compare with `leadwise models list` and promote with `leadwise models promote {saved.Version}`.");
        }
    }

    private static string F(double value) => double.IsNaN(value) ? "n/a" : value.ToString("F3", CultureInfo.InvariantCulture);
}
