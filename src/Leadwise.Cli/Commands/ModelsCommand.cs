using System.CommandLine;
using System.Globalization;
using Leadwise.Learning.Registry;
using Spectre.Console;

namespace Leadwise.Cli.Commands;

/// <summary><c>leadwise models list | show | promote | rollback</c>: the conversion model versions <c>leadwise train</c> saved.</summary>
internal static class ModelsCommand
{
    public static Command Create(CliContext context, GlobalOptions globals)
    {
        var command = new Command("models", "List, inspect, promote and roll back trained conversion model versions");
        command.Subcommands.Add(List(context, globals));
        command.Subcommands.Add(Show(context, globals));
        command.Subcommands.Add(Promote(context, globals));
        command.Subcommands.Add(Rollback(context, globals));
        return command;
    }

    private static Command List(CliContext context, GlobalOptions globals)
    {
        var command = new Command("list", "Every saved version with its trainer, held-out metrics and which one is promoted");
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            await using var store = await StoreOpener.OpenExistingAsync(parseResult.GetValue(globals.Database), context, cancellationToken);
            var registry = new ConversionModelRegistry(store, context.Time);
            var versions = await registry.ListAsync(cancellationToken);
            if (versions.Count == 0)
            {
                context.Console.MarkupLine("No models yet: `leadwise train` trains and saves one.");
                return ExitCodes.Success;
            }

            var current = (await registry.HistoryAsync(cancellationToken)).Current;
            var table = new Table().Border(TableBorder.Rounded).Title("Conversion models");
            table.AddColumn("Version");
            table.AddColumn("Trained (UTC)");
            table.AddColumn("Model");
            table.AddColumn(new TableColumn("Leads").RightAligned());
            table.AddColumn(new TableColumn("ROC AUC (95% CI)").RightAligned());
            table.AddColumn(new TableColumn("Log loss").RightAligned());
            table.AddColumn(new TableColumn("Calib. error").RightAligned());
            table.AddColumn("Data");
            table.AddColumn("Status");
            foreach (var version in versions)
            {
                var card = ConversionModelRegistry.ReadCard(version);
                table.AddRow(
                    version.Version.ToString(CultureInfo.InvariantCulture),
                    version.CreatedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                    Markup.Escape($"{card.Trainer} + {card.Calibration}"),
                    card.Rows.ToString("N0", CultureInfo.InvariantCulture),
                    string.Create(CultureInfo.InvariantCulture, $"{card.Metrics.RocAuc:F3} ({card.Metrics.RocAucLow:F3}–{card.Metrics.RocAucHigh:F3})"),
                    card.Metrics.LogLoss.ToString("F4", CultureInfo.InvariantCulture),
                    card.Metrics.CalibrationError.ToString("F4", CultureInfo.InvariantCulture),
                    card.DataFingerprint,
                    version.Version == current ? "[green]promoted[/]" : string.Empty);
            }

            context.Console.Write(table);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Show(CliContext context, GlobalOptions globals)
    {
        var version = new Argument<int>("version") { Description = "The version number (see `leadwise models list`)" };
        var command = new Command("show", "One version's card: training data, metrics, compared trainers, grade bands, features") { version };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            await using var store = await StoreOpener.OpenExistingAsync(parseResult.GetValue(globals.Database), context, cancellationToken);
            var number = parseResult.GetValue(version);
            var found = await store.FindModelAsync(number, cancellationToken);
            if (found is null || found.Kind != Leadwise.Core.Models.ModelKinds.Conversion)
            {
                throw new UserFacingException(string.Create(CultureInfo.InvariantCulture, $"There is no conversion model version {number}; `leadwise models list` shows the versions."));
            }

            var card = ConversionModelRegistry.ReadCard(found);
            var current = (await new ConversionModelRegistry(store, context.Time).HistoryAsync(cancellationToken)).Current;
            var grid = new Grid().AddColumn().AddColumn();
            void Row(string name, string value) => grid.AddRow(new Markup($"[bold]{name}[/]"), new Text(value));
            Row("Version", string.Create(CultureInfo.InvariantCulture, $"{found.Version}{(found.Version == current ? " (promoted)" : string.Empty)}"));
            Row("Trained", card.TrainedAt.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture));
            Row("Model", $"{card.Trainer}, {card.Calibration} calibration");
            Row("Data", string.Create(CultureInfo.InvariantCulture, $"{card.Rows:N0} invited leads, {card.Positives:N0} converted ({card.Metrics.BaseRate:P1}); fingerprint {card.DataFingerprint}"));
            Row("Validation", string.Create(CultureInfo.InvariantCulture, $"{card.Folds}-fold stratified cross-validation, seed {card.Seed}"));
            Row("ROC AUC", string.Create(CultureInfo.InvariantCulture, $"{card.Metrics.RocAuc:F3} (95% CI {card.Metrics.RocAucLow:F3}–{card.Metrics.RocAucHigh:F3})"));
            Row("PR AUC", card.Metrics.PrAuc.ToString("F3", CultureInfo.InvariantCulture));
            Row("Log loss / Brier", string.Create(CultureInfo.InvariantCulture, $"{card.Metrics.LogLoss:F4} / {card.Metrics.Brier:F4}"));
            Row("Calibration error", card.Metrics.CalibrationError.ToString("F4", CultureInfo.InvariantCulture));
            Row("Lift, top 10%", card.Metrics.LiftTop10.ToString("F2", CultureInfo.InvariantCulture));
            Row("Trainers compared", string.Join(", ", card.Trainers.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Trainer} {t.RocAuc:F3}"))));
            Row("Grades", string.Create(CultureInfo.InvariantCulture, $"A ≥ {card.Bands.A:P1}, B ≥ {card.Bands.B:P1}, C ≥ {card.Bands.C:P1}, D below"));
            Row("Features", string.Join(", ", card.Groups.Select(g => g.Name)));
            if (card.Importance.Count > 0)
            {
                Row("Most important", string.Join(", ", card.Importance.Take(8).Select(i => string.Create(CultureInfo.InvariantCulture, $"{i.Group} (AUC −{i.MeanAucDrop:F3})"))));
            }

            foreach (var warning in card.Warnings)
            {
                Row("Warning", warning);
            }

            context.Console.Write(grid);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Promote(CliContext context, GlobalOptions globals)
    {
        var version = new Argument<int>("version") { Description = "The version scoring should use" };
        var command = new Command("promote", "Make a version the one `leadwise score`, explain and drift use") { version };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            await using var store = await StoreOpener.OpenExistingAsync(parseResult.GetValue(globals.Database), context, cancellationToken);
            var number = parseResult.GetValue(version);
            await new ConversionModelRegistry(store, context.Time).PromoteAsync(number, cancellationToken);
            context.Console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Promoted version {number}. Run `leadwise score` to refresh the stored model scores.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Rollback(CliContext context, GlobalOptions globals)
    {
        var command = new Command("rollback", "Promote again the version that was promoted before the current one");
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            await using var store = await StoreOpener.OpenExistingAsync(parseResult.GetValue(globals.Database), context, cancellationToken);
            var registry = new ConversionModelRegistry(store, context.Time);
            var before = (await registry.HistoryAsync(cancellationToken)).Current;
            var target = await registry.RollbackAsync(cancellationToken);
            context.Console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Rolled back from version {before} to version {target}. Run `leadwise score` to refresh the stored model scores.");
            return ExitCodes.Success;
        });
        return command;
    }
}
