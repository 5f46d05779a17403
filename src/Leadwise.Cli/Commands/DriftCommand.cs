using System.CommandLine;
using System.Globalization;
using Leadwise.Learning.Features;
using Leadwise.Learning.Monitoring;
using Leadwise.Learning.Registry;
using Spectre.Console;

namespace Leadwise.Cli.Commands;

/// <summary>
/// <c>leadwise drift</c>: how far today's leads have moved from the promoted model's training data — the
/// population stability index of each feature and of the predicted probability, with a warning above 0.2.
/// </summary>
internal static class DriftCommand
{
    public static Command Create(CliContext context, GlobalOptions globals)
    {
        var all = new Option<bool>("--all-leads") { Description = "Compare every lead, not only those not yet invited" };
        var asOfOption = new Option<string?>("--as-of") { Description = "The moment not yet invited leads are seen at (ISO date or time, UTC; default now)" };
        var account = new AccountOption();
        var command = new Command("drift", "Population stability index of each feature and of the predicted probability: promoted model's training data vs the current leads") { all, asOfOption };
        account.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            await using var store = await StoreOpener.OpenExistingAsync(parseResult.GetValue(globals.Database), context, cancellationToken);
            // With --account: that account's leads against the model they are scored with (its own promoted one, else the install-wide one).
            var scope = await account.ResolveAsync(parseResult, store, cancellationToken);
            var promoted = await new ConversionModelRegistry(store, context.Time, scope).LoadPromotedAsync(cancellationToken)
                ?? throw new UserFacingException("No model is promoted yet: run `leadwise train` first.");
            var (version, model) = promoted;
            var now = ScoringOptions.ParseAsOf(parseResult.GetValue(asOfOption)) ?? context.Time.GetUtcNow();
            var stored = await StoreLeads.ReadAsync(store, scope, cancellationToken);
            var drift = CurrentLeadsDrift.Measure(model, stored, now, parseResult.GetValue(all));
            Write(context.Console, drift.Report, version, drift.Population);
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Write(IAnsiConsole console, DriftReport report, int version, string which)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .Title(string.Create(CultureInfo.InvariantCulture, $"Drift: model version {version}'s training data vs {report.Rows:N0} current leads ({which})"));
        table.AddColumn("Feature");
        table.AddColumn(new TableColumn("PSI").RightAligned());
        table.AddColumn("Reading");
        table.AddRow("[bold]predicted probability[/]", F(report.ProbabilityPsi), Reading(report.ProbabilityPsi));
        foreach (var feature in report.Features)
        {
            table.AddRow(Markup.Escape(feature.Feature), F(feature.Psi), Reading(feature.Psi));
        }

        table.Caption("PSI < 0.1 stable, 0.1–0.2 moderate shift, > 0.2 shifted: the model was trained on different leads; consider retraining.");
        console.Write(table);
        var shifted = report.Features.Where(f => f.Shifted).Select(f => f.Feature).ToList();
        if (report.ProbabilityShifted || shifted.Count > 0)
        {
            console.MarkupLineInterpolated(CultureInfo.InvariantCulture,
                $"[yellow]warning:[/] shifted above PSI {PopulationStability.WarnAbove}: {string.Join(", ", (report.ProbabilityShifted ? ["predicted probability"] : Array.Empty<string>()).Concat(shifted))}");
        }
    }

    private static string Reading(double psi) => psi > PopulationStability.WarnAbove ? "[yellow]shifted[/]" : psi > 0.1 ? "moderate" : "stable";

    private static string F(double value) => value.ToString("F3", CultureInfo.InvariantCulture);
}
