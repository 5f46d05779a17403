using System.Globalization;
using Leadwise.Learning.Evaluation;
using Leadwise.Learning.Tables;
using Spectre.Console;

namespace Leadwise.Cli.Rendering;

/// <summary>Renders <c>leadwise train --csv</c>: column roles, the leakage report, held-out metrics with intervals against the base rate, and the time split.</summary>
internal static class TableTrainingView
{
    public static void Write(IAnsiConsole console, TableTrainingReport report, double leakAuc)
    {
        foreach (var warning in report.Warnings)
        {
            console.MarkupLineInterpolated($"[yellow]warning:[/] {warning}");
        }

        WriteColumns(console, report);
        WriteLeakage(console, report, leakAuc);
        WriteMetrics(console, report);
        if (report.TimeSplit is { } split)
        {
            WriteTimeSplit(console, split);
        }

        console.MarkupLine("[grey]Evaluation only: nothing was saved.[/]");
    }

    private static void WriteColumns(IAnsiConsole console, TableTrainingReport report)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("Columns");
        table.AddColumn("Column");
        table.AddColumn("Role");
        table.AddColumn("Use");
        table.AddColumn("How / why");
        foreach (var column in report.Columns)
        {
            table.AddRow(
                Markup.Escape(column.Column),
                column.Role.ToString(),
                column.Kept ? "[green]kept[/]" : "[grey]dropped[/]",
                Markup.Escape(column.Reason));
        }

        var kept = report.Columns.Count(c => c.Kept);
        table.Caption(string.Create(CultureInfo.InvariantCulture,
            $"{kept} of {report.Columns.Count} columns kept as {report.Columns.Sum(c => c.Features.Count)} features; label \"{report.Label.Column}\" (positive = \"{report.Label.Positive}\")"));
        console.Write(table);
    }

    private static void WriteLeakage(IAnsiConsole console, TableTrainingReport report, double leakAuc)
    {
        var flagged = report.Leakage.Where(f => f.Verdict == LeakageVerdict.Leaky).ToList();
        if (flagged.Count == 0)
        {
            var top = report.Leakage.Where(f => !double.IsNaN(f.Auc)).MaxBy(f => f.Auc);
            console.MarkupLineInterpolated(CultureInfo.InvariantCulture,
                $"Leakage guard: no column reaches AUC {leakAuc:F2} alone or has a name marking it as filled after the outcome (strongest alone: {top?.Column ?? "none"}, AUC {MetricText.Value(top?.Auc ?? double.NaN)}).");
            return;
        }

        var table = new Table().Border(TableBorder.Rounded).Title("[yellow]Possible leakage[/]");
        table.AddColumn("Column");
        table.AddColumn(new TableColumn("Own AUC").RightAligned());
        table.AddColumn("Why flagged");
        table.AddColumn("Action");
        foreach (var finding in flagged)
        {
            var action = !report.LeakyColumns.Contains(finding.Column, StringComparer.Ordinal) ? "dropped (not a usable feature anyway)"
                : report.LeakyDropped ? "[yellow]dropped[/] (--allow-leaky keeps it)"
                : "[red]kept[/] (--allow-leaky)";
            table.AddRow(Markup.Escape(finding.Column), MetricText.Value(finding.Auc), Markup.Escape(TableTraining.LeakReason(finding, leakAuc)), action);
        }

        table.Caption("A column filled in after the outcome makes held-out metrics look far better than any real lead score can be.");
        console.Write(table);
    }

    private static void WriteMetrics(IAnsiConsole console, TableTrainingReport report)
    {
        var training = report.Training;
        var table = MetricsTable(string.Create(CultureInfo.InvariantCulture,
            $"Held-out (out-of-fold) metrics, {report.Folds.Distinct().Count()}-fold cross-validation, 95% bootstrap intervals"));
        AddBaseRate(table, training.Positives, training.Rows);
        foreach (var trainer in training.Trainers)
        {
            AddRow(table, trainer.Trainer + (trainer.Trainer == training.Chosen ? " [green](chosen)[/]" : string.Empty), trainer.Metrics, trainer.Intervals, trainer.Elapsed);
        }

        AddRow(table, $"{training.Chosen} calibrated ({training.Calibration.Chosen})", training.CalibratedMetrics, training.CalibratedIntervals, null);
        if (report.Other is { } other)
        {
            var columns = Markup.Escape(string.Join(", ", report.LeakyColumns));
            var name = report.LeakyDropped ? $"[yellow]{other.Trainer} WITH leaky {columns}[/]" : $"{other.Trainer} WITHOUT leaky {columns}";
            AddRow(table, name, other.Metrics, other.Intervals, other.Elapsed);
        }

        var calibrated = training.CalibratedMetrics;
        var best = calibrated.BestF1;
        var lift = string.Join(", ", calibrated.Lift.Select(l => string.Create(CultureInfo.InvariantCulture, $"top {l.Share * 100:F0}%: lift {l.Lift:F2}, gain {l.Gain * 100:F0}%")));
        table.Caption(string.Create(CultureInfo.InvariantCulture,
            $"{training.Rows:N0} rows, {training.Positives:N0} converted. {training.Chosen} calibrated — {lift}. F1-optimal threshold {best.Threshold:F3}: F1 {best.F1:F3}, TP {best.TruePositives}, FP {best.FalsePositives}, FN {best.FalseNegatives}, TN {best.TrueNegatives}. Train time: fitting and scoring all folds, after one small warm-up fit that pays the process's one-time start-up."));
        console.Write(table);
    }

    private static void WriteTimeSplit(IAnsiConsole console, TimeSplitResult split)
    {
        var table = MetricsTable(string.Create(CultureInfo.InvariantCulture,
            $"Time split on \"{Markup.Escape(split.Column)}\": trained on the oldest {split.TrainRows:N0} rows, tested on the newest {split.TestRows:N0} (from {Markup.Escape(split.TestFrom)})"));
        AddBaseRate(table, split.TestPositives, split.TestRows);
        foreach (var trainer in split.Trainers)
        {
            AddRow(table, trainer.Trainer.ToString(), trainer.Metrics, trainer.Intervals, trainer.Elapsed);
        }

        if (split.RowsWithoutTime > 0)
        {
            table.Caption(string.Create(CultureInfo.InvariantCulture, $"{split.RowsWithoutTime:N0} rows without a readable time took no part in the split."));
        }

        console.Write(table);
    }

    private static Table MetricsTable(string title)
    {
        var table = new Table().Border(TableBorder.Rounded).Title(title);
        table.AddColumn("Model");
        foreach (var heading in new[] { "ROC AUC", "PR AUC", "Log loss", "Brier", "Calib. error", "Lift top 10%", "Train time" })
        {
            table.AddColumn(new TableColumn(heading).RightAligned());
        }

        return table;
    }

    /// <summary>Predicting the base rate for everyone: what every model has to beat.</summary>
    private static void AddBaseRate(Table table, int positives, int rows)
    {
        var rate = (double)positives / rows;
        var logLoss = -((rate * Math.Log(rate)) + ((1 - rate) * Math.Log(1 - rate)));
        table.AddRow("base rate", "0.500", MetricText.Value(rate), MetricText.Value(logLoss), MetricText.Value(rate * (1 - rate)), "0.000", "1.00", string.Empty);
    }

    private static void AddRow(Table table, string name, BinaryMetrics metrics, MetricIntervals? intervals, TimeSpan? elapsed) =>
        table.AddRow(
            name,
            MetricText.WithInterval(metrics.RocAuc, intervals?.RocAuc),
            MetricText.WithInterval(metrics.PrAuc, intervals?.PrAuc),
            MetricText.WithInterval(metrics.LogLoss, intervals?.LogLoss),
            MetricText.WithInterval(metrics.Brier, intervals?.Brier),
            MetricText.WithInterval(metrics.CalibrationError, intervals?.CalibrationError),
            MetricText.WithInterval(metrics.Lift[1].Lift, intervals?.LiftAt10, "F2"),
            elapsed is { } time ? time.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture) + " s" : string.Empty);
}
