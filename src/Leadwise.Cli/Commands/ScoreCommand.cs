using System.CommandLine;
using System.Globalization;
using Leadwise.Cli.Rendering;
using Leadwise.Core.Scoring;
using Leadwise.Data.Storage;
using Leadwise.Learning.Registry;
using Leadwise.Learning.Rescoring;
using Leadwise.Scoring.Engine;
using Spectre.Console;

namespace Leadwise.Cli.Commands;

/// <summary>
/// <c>leadwise score</c>: point-scores every lead and stores score, grade and subtotals; when a conversion
/// model is promoted, also stores each lead's predicted probability, 0–100 model score and model grade
/// (not yet invited leads are scored as if invited now). Shows the best leads by both.
/// </summary>
internal static class ScoreCommand
{
    public static Command Create(CliContext context, GlobalOptions globals)
    {
        var scoring = new ScoringOptions(context);
        var top = new Option<int>("--top") { Description = "How many of the best leads to list", DefaultValueFactory = _ => 15 }.AtLeast(0);
        var command = new Command("score", "Score every lead with the point rules (total, grade, per-model subtotals) and, when a model is promoted, with the conversion model (probability, score, grade)") { top };
        scoring.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var engine = scoring.Engine(parseResult);
            var asOf = scoring.ReadAsOf(parseResult);
            await using var store = await StoreOpener.OpenExistingAsync(parseResult.GetValue(globals.Database), context, cancellationToken);
            var (summary, modelSummary) = await RunAsync(context, store, engine, asOf, parseResult.GetValue(top), cancellationToken);
            ScoreSummaryView.Write(context.Console, summary, asOf);
            if (modelSummary is not null)
            {
                ModelScoreSummaryView.Write(context.Console, modelSummary);
            }
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>
    /// Scores every lead with the rules and, when one is promoted, the conversion model, and stores both in one
    /// transaction (<see cref="StoreRescorer"/>, which the web API's score job runs too).
    /// </summary>
    public static async Task<(ScoreSummary Points, ModelScoreSummary? Model)> RunAsync(CliContext context, ILeadwiseStore store, ScoringEngine engine, DateTimeOffset asOf, int top, CancellationToken cancellationToken)
    {
        var console = context.Console;
        var promoted = await new ConversionModelRegistry(store, context.Time).LoadPromotedAsync(cancellationToken);
        console.MarkupLineInterpolated(CultureInfo.InvariantCulture,
            $"Scoring the leads of [bold]{store.Description}[/] as of [bold]{asOf:yyyy-MM-dd HH:mm} UTC[/] with {engine.Rules.Rules.Count} rules{(promoted is { } p ? $" and conversion model version {p.Version}" : " (no conversion model promoted: `leadwise train` adds one)")}");
        var summary = new ScoreSummary(top);
        var modelSummary = promoted is { } current ? new ModelScoreSummary(current.Version, current.Model.Card.Bands, top) : null;
        await ProgressDisplay.RunAsync(console, async progress =>
        {
            await new StoreRescorer(store, engine).RescoreAsync(promoted, asOf, (lead, points, model) =>
            {
                summary.Add(lead, points);
                if (model is not null)
                {
                    modelSummary!.Add(lead, model);
                }
            }, progress, cancellationToken);
            return true;
        });
        return (summary, modelSummary);
    }
}
