using System.CommandLine;
using System.Globalization;
using System.Text;
using Leadwise.Cli.Rendering;
using Leadwise.Learning.Tables;
using Leadwise.Learning.Training;
using Spectre.Console;

namespace Leadwise.Cli.Commands;

/// <summary><c>leadwise train --csv file --label col …</c>: cross-validates conversion models on a user's own table.</summary>
internal static class TrainTableCommand
{
    public static async Task<int> RunAsync(
        ParseResult parseResult, TrainTableOptions options, int folds, int seed, CliContext context, CancellationToken cancellationToken)
    {
        var path = parseResult.GetValue(options.Csv)!;
        if (!File.Exists(path))
        {
            throw new UserFacingException($"There is no file at {path}.");
        }

        var leakAuc = parseResult.GetValue(options.LeakAuc);
        var training = new TableTraining(new TableTrainingOptions
        {
            Label = parseResult.GetValue(options.Label)!,
            Positive = parseResult.GetValue(options.Positive),
            Drop = parseResult.GetValue(options.Drop) ?? [],
            AllowLeaky = parseResult.GetValue(options.AllowLeaky),
            LeakAuc = leakAuc,
            TimeColumn = parseResult.GetValue(options.TimeColumn),
            Folds = folds,
            Seed = seed,
            Trainers = TrainTableOptions.Trainers(parseResult.GetValue(options.Trainer)),
        });

        TableTrainingReport report;
        try
        {
            var table = await DelimitedTableReader.ReadAsync(path, cancellationToken);
            context.Console.MarkupLineInterpolated(CultureInfo.InvariantCulture,
                $"Read [bold]{table.Source}[/]: {table.RowCount:N0} rows, {table.ColumnCount} columns, delimiter {Describe(table.Delimiter)}; {folds}-fold cross-validation, seed {seed}");
            report = await Task.Run(() => training.Run(table, cancellationToken), cancellationToken);
        }
        catch (Exception exception) when (exception is TableDataException or DelimitedTableFormatException or NotEnoughDataException)
        {
            throw new UserFacingException(exception.Message);
        }

        TableTrainingView.Write(context.Console, report, leakAuc);
        if (parseResult.GetValue(options.WriteFolds) is { } foldsPath)
        {
            await WriteFoldsAsync(foldsPath, report, cancellationToken);
            var chosen = report.Training.Trainers.Single(t => t.Trainer == report.Training.Chosen);
            context.Console.MarkupLineInterpolated(CultureInfo.InvariantCulture,
                $"Fit+score of {chosen.Trainer}'s {folds} folds: {chosen.Elapsed.TotalSeconds:F2} s (warm-up {chosen.WarmUp.TotalSeconds:F2} s). Wrote each row's fold and {chosen.Trainer}'s out-of-fold probability to [bold]{foldsPath}[/].");
        }

        return ExitCodes.Success;
    }

    private static string Describe(char delimiter) => delimiter switch
    {
        '\t' => "tab",
        _ => $"'{delimiter}'",
    };

    /// <summary>
    /// One line per labelled row: its 0-based data row in the file, its fold, its label (1 = positive) and the chosen
    /// trainer's uncalibrated out-of-fold probability, so other tools can reuse the exact folds and score both the same way.
    /// </summary>
    private static async Task WriteFoldsAsync(string path, TableTrainingReport report, CancellationToken cancellationToken)
    {
        var chosen = report.Training.Trainers.Single(t => t.Trainer == report.Training.Chosen);
        var text = new StringBuilder("row,fold,label,probability\n");
        for (var i = 0; i < report.Folds.Count; i++)
        {
            var probability = chosen.OutOfFold is { } outOfFold ? outOfFold[i].ToString("R", CultureInfo.InvariantCulture) : string.Empty;
            text.Append(CultureInfo.InvariantCulture, $"{report.Label.Rows[i]},{report.Folds[i]},{(report.Label.Labels[i] ? 1 : 0)},{probability}\n");
        }

        await File.WriteAllTextAsync(path, text.ToString(), cancellationToken);
    }
}
