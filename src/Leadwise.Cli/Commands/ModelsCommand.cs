using System.CommandLine;
using System.Globalization;
using Leadwise.Core.Models;
using Leadwise.Data.Storage;
using Leadwise.Learning.Registry;
using Leadwise.Recommend.Modeling;
using Leadwise.Recommend.Registry;
using Spectre.Console;

namespace Leadwise.Cli.Commands;

/// <summary>
/// <c>leadwise models list | show | promote | rollback</c>: the model versions <c>leadwise train</c> saved — conversion
/// models (scoring) and sequence (hazard) models (recommendation), numbered in one sequence; promote finds a version's
/// kind itself, rollback takes <c>--kind</c>.
/// </summary>
internal static class ModelsCommand
{
    public static Command Create(CliContext context, GlobalOptions globals)
    {
        var command = new Command("models", "List, inspect, promote and roll back trained model versions (conversion and sequence models)");
        command.Subcommands.Add(List(context, globals));
        command.Subcommands.Add(Show(context, globals));
        command.Subcommands.Add(Promote(context, globals));
        command.Subcommands.Add(Rollback(context, globals));
        return command;
    }

    private static Command List(CliContext context, GlobalOptions globals)
    {
        var account = new AccountOption();
        var command = new Command("list", "Every saved version with its trainer, held-out metrics, its account and which one is promoted");
        account.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            await using var store = await StoreOpener.OpenExistingAsync(parseResult.GetValue(globals.Database), context, cancellationToken);
            var owner = await account.ResolveAsync(parseResult, store, cancellationToken);
            var registry = new ConversionModelRegistry(store, context.Time, owner);
            var versions = await registry.ListAsync(cancellationToken);
            var hazards = new HazardModelRegistry(store, context.Time, owner);
            var sequenceVersions = await hazards.ListAsync(cancellationToken);
            if (versions.Count == 0 && sequenceVersions.Count == 0)
            {
                context.Console.MarkupLine("No models yet: `leadwise train` trains and saves one.");
                return ExitCodes.Success;
            }

            if (sequenceVersions.Count > 0)
            {
                WriteSequenceModels(context.Console, sequenceVersions, await hazards.PromotedVersionsAsync(cancellationToken));
            }

            if (versions.Count == 0)
            {
                return ExitCodes.Success;
            }

            var promoted = await registry.PromotedVersionsAsync(cancellationToken);
            var table = new Table().Border(TableBorder.Rounded).Title("Conversion models");
            table.AddColumn("Version");
            table.AddColumn("Account");
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
                    AccountText(version),
                    version.CreatedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                    Markup.Escape($"{card.Trainer} + {card.Calibration}"),
                    card.Rows.ToString("N0", CultureInfo.InvariantCulture),
                    string.Create(CultureInfo.InvariantCulture, $"{card.Metrics.RocAuc:F3} ({card.Metrics.RocAucLow:F3}–{card.Metrics.RocAucHigh:F3})"),
                    card.Metrics.LogLoss.ToString("F4", CultureInfo.InvariantCulture),
                    card.Metrics.CalibrationError.ToString("F4", CultureInfo.InvariantCulture),
                    card.DataFingerprint,
                    promoted.Contains(version.Version) ? "[green]promoted[/]" : string.Empty);
            }

            context.Console.Write(table);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>An account model's owner, or that the version serves every account without a model of its own.</summary>
    private static string AccountText(ModelVersion version) =>
        version.Account is { } owner ? owner.Value.ToString(CultureInfo.InvariantCulture) : "all (install-wide)";

    private static void WriteSequenceModels(IAnsiConsole console, IReadOnlyList<ModelVersion> versions, PromotedVersions promoted)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("Sequence (hazard) models");
        table.AddColumn("Version");
        table.AddColumn("Account");
        table.AddColumn("Trained (UTC)");
        table.AddColumn("Reply hazard");
        table.AddColumn("Invite acceptance");
        table.AddColumn("Status");
        foreach (var version in versions)
        {
            var report = HazardModelRegistry.ReadReport(version);
            table.AddRow(
                version.Version.ToString(CultureInfo.InvariantCulture),
                AccountText(version),
                version.CreatedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                Stage(report.Hazard),
                report.Acceptance is { } acceptance ? Stage(acceptance) : "(no gated campaigns)",
                promoted.Contains(version.Version) ? "[green]promoted[/]" : string.Empty);
        }

        console.Write(table);
    }

    private static string Stage(StageReport stage) => Markup.Escape(string.Create(CultureInfo.InvariantCulture,
        $"{stage.Chosen}, AUC {HazardModelRegistry.HeldOutAuc(stage):F3}, {stage.Rows:N0} rows, {stage.Positives:N0} positive"));

    private static async Task<int> ShowSequenceModelAsync(CliContext context, ILeadwiseStore store, ModelVersion found, CancellationToken cancellationToken)
    {
        var report = HazardModelRegistry.ReadReport(found);
        var current = (await new HazardModelRegistry(store, context.Time, found.Account).HistoryAsync(cancellationToken)).Current;
        var grid = new Grid().AddColumn().AddColumn();
        void Row(string name, string value) => grid.AddRow(new Markup($"[bold]{name}[/]"), new Text(value));
        Row("Version", string.Create(CultureInfo.InvariantCulture, $"{found.Version} (sequence model){(found.Version == current ? ", promoted" : string.Empty)}"));
        Row("Account", AccountText(found));
        Row("Trained", found.CreatedAt.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture));
        foreach (var stage in report.Acceptance is { } acceptance ? [report.Hazard, acceptance] : new[] { report.Hazard })
        {
            Row(stage.Stage, string.Create(CultureInfo.InvariantCulture,
                $"{stage.Rows:N0} rows, {stage.Positives:N0} positive; chosen {stage.Chosen}; compared {string.Join(", ", stage.Trainers.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Trainer} AUC {t.RocAuc:F3} log loss {t.LogLoss:F4} ECE {t.CalibrationError:F4}")))}"));
            Row("  per step", string.Join("; ", stage.Steps.Select(s => string.Create(CultureInfo.InvariantCulture,
                $"{s.Step}: AUC {(double.IsNaN(s.RocAuc) ? "–" : s.RocAuc.ToString("F3", CultureInfo.InvariantCulture))}, predicted {s.MeanPredicted:P1} vs observed {s.ObservedRate:P1} ({s.Positives:N0}/{s.Rows:N0})"))));
            Row("  shrinkage", double.IsPositiveInfinity(stage.PriorReplies)
                ? "no message effect beyond the features (prior strength ∞)"
                : string.Create(CultureInfo.InvariantCulture, $"{stage.ShrunkMessages:N0} messages, prior strength {stage.PriorReplies:F0} replies"));
        }

        context.Console.Write(grid);
        return ExitCodes.Success;
    }

    private static Command Show(CliContext context, GlobalOptions globals)
    {
        var version = new Argument<int>("version") { Description = "The version number (see `leadwise models list`)" };
        var account = new AccountOption();
        var command = new Command("show", "One version's card: training data, metrics, compared trainers, grade bands, features") { version };
        account.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            await using var store = await StoreOpener.OpenExistingAsync(parseResult.GetValue(globals.Database), context, cancellationToken);
            var owner = await account.ResolveAsync(parseResult, store, cancellationToken);
            var number = parseResult.GetValue(version);
            var found = await store.FindModelAsync(number, owner, cancellationToken);
            if (found?.Kind == ModelKinds.Hazard)
            {
                return await ShowSequenceModelAsync(context, store, found, cancellationToken);
            }

            if (found is null || found.Kind != ModelKinds.Conversion)
            {
                throw new UserFacingException(string.Create(CultureInfo.InvariantCulture, $"There is no model version {number}; `leadwise models list` shows the versions."));
            }

            var card = ConversionModelRegistry.ReadCard(found);
            var current = (await new ConversionModelRegistry(store, context.Time, found.Account).HistoryAsync(cancellationToken)).Current;
            var grid = new Grid().AddColumn().AddColumn();
            void Row(string name, string value) => grid.AddRow(new Markup($"[bold]{name}[/]"), new Text(value));
            Row("Version", string.Create(CultureInfo.InvariantCulture, $"{found.Version}{(found.Version == current ? " (promoted)" : string.Empty)}"));
            Row("Account", AccountText(found));
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
        var version = new Argument<int>("version") { Description = "The version to use: a conversion model for scoring, or a sequence model for recommendations" };
        var account = new AccountOption();
        var command = new Command("promote", "Make a version the one its kind is served from (an account's own version for that account alone): conversion models for `leadwise score`, explain and drift; sequence models for `leadwise recommend`") { version };
        account.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            await using var store = await StoreOpener.OpenExistingAsync(parseResult.GetValue(globals.Database), context, cancellationToken);
            var owner = await account.ResolveAsync(parseResult, store, cancellationToken);
            var number = parseResult.GetValue(version);
            var found = await store.FindModelAsync(number, owner, cancellationToken);
            var forWhom = found?.Account is { } of ? string.Create(CultureInfo.InvariantCulture, $" for account {of.Value}") : string.Empty;
            if (found?.Kind == ModelKinds.Hazard)
            {
                await new HazardModelRegistry(store, context.Time, owner).PromoteAsync(number, cancellationToken);
                context.Console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Promoted sequence model version {number}{forWhom}: `leadwise recommend` and the server's /recommend now use it.");
                return ExitCodes.Success;
            }

            await new ConversionModelRegistry(store, context.Time, owner).PromoteAsync(number, cancellationToken);
            context.Console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Promoted version {number}{forWhom}. Run `leadwise score` to refresh the stored model scores.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Rollback(CliContext context, GlobalOptions globals)
    {
        var kind = new Option<string>("--kind") { Description = "Which kind to roll back: conversion (scoring) or hazard (sequence model)", DefaultValueFactory = _ => ModelKinds.Conversion };
        kind.AcceptOnlyFromAmong(ModelKinds.Conversion, ModelKinds.Hazard);
        var account = new AccountOption();
        var command = new Command("rollback", "Promote again the version of a kind that was promoted before the current one (in the account's own history with --account)") { kind };
        account.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            await using var store = await StoreOpener.OpenExistingAsync(parseResult.GetValue(globals.Database), context, cancellationToken);
            var owner = await account.ResolveAsync(parseResult, store, cancellationToken);
            if (parseResult.GetValue(kind) == ModelKinds.Hazard)
            {
                var hazards = new HazardModelRegistry(store, context.Time, owner);
                var from = (await hazards.HistoryAsync(cancellationToken)).Current;
                var to = await hazards.RollbackAsync(cancellationToken);
                context.Console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Rolled the sequence model back from version {from} to version {to}.");
                return ExitCodes.Success;
            }

            var registry = new ConversionModelRegistry(store, context.Time, owner);
            var before = (await registry.HistoryAsync(cancellationToken)).Current;
            var target = await registry.RollbackAsync(cancellationToken);
            context.Console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Rolled back from version {before} to version {target}. Run `leadwise score` to refresh the stored model scores.");
            return ExitCodes.Success;
        });
        return command;
    }
}
