using System.CommandLine;
using System.Globalization;
using Leadwise.Cli.Rendering;
using Leadwise.Core.Models;
using Leadwise.Core.Progress;
using Leadwise.Core.Scoring;
using Leadwise.Data.Storage;
using Leadwise.Learning.Features;
using Leadwise.Learning.Registry;
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
    private const int BatchSize = 16_384;

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
    /// Scores every lead in batches (in parallel within a batch) with the rules and, when one is promoted,
    /// the conversion model, and stores both in one transaction.
    /// </summary>
    public static async Task<(ScoreSummary Points, ModelScoreSummary? Model)> RunAsync(CliContext context, ILeadwiseStore store, ScoringEngine engine, DateTimeOffset asOf, int top, CancellationToken cancellationToken)
    {
        var console = context.Console;
        var promoted = await new ConversionModelRegistry(store, context.Time).LoadPromotedAsync(cancellationToken);
        var messages = promoted is null ? null : await CampaignMessages.ReadAsync(store, cancellationToken);
        console.MarkupLineInterpolated(CultureInfo.InvariantCulture,
            $"Scoring the leads of [bold]{store.Description}[/] as of [bold]{asOf:yyyy-MM-dd HH:mm} UTC[/] with {engine.Rules.Rules.Count} rules{(promoted is { } p ? $" and conversion model version {p.Version}" : " (no conversion model promoted: `leadwise train` adds one)")}");
        var total = (await store.CountAsync(cancellationToken)).Leads;
        var summary = new ScoreSummary(top);
        var modelSummary = promoted is { } current ? new ModelScoreSummary(current.Version, current.Model.Card.Bands, top) : null;
        await ProgressDisplay.RunAsync(console, async progress =>
        {
            var reader = await LeadFactsReader.OpenAsync(store, cancellationToken);
            await using var writer = await store.BeginWriteAsync(StoreWriteMode.BulkLoad, cancellationToken);
            var batch = new List<LeadFacts>(BatchSize);
            long done = 0;
            async Task FlushAsync()
            {
                var scores = engine.ScoreAll(batch, asOf);
                for (var i = 0; i < scores.Length; i++)
                {
                    summary.Add(batch[i].Lead, scores[i]);
                    await writer.UpsertAsync(scores[i], cancellationToken);
                }

                if (promoted is { } model)
                {
                    var predictions = model.Model.PredictMany([.. batch.Select(facts => PreContactFacts.ForScoring(facts, messages!.GetValueOrDefault(facts.Lead.CampaignId), asOf))]);
                    for (var i = 0; i < predictions.Length; i++)
                    {
                        var prediction = predictions[i];
                        var score = new ModelScore(batch[i].Lead.Id, model.Version, prediction.Probability, prediction.Score, prediction.Grade, asOf);
                        modelSummary!.Add(batch[i].Lead, score);
                        await writer.UpsertAsync(score, cancellationToken);
                    }
                }

                done += batch.Count;
                batch.Clear();
                progress.Report(new ProgressUpdate("Scoring leads", done, total));
            }

            await foreach (var facts in reader.ReadAllAsync(cancellationToken))
            {
                batch.Add(facts);
                if (batch.Count == BatchSize)
                {
                    await FlushAsync();
                }
            }

            await FlushAsync();
            await writer.CommitAsync(cancellationToken);
            return true;
        });
        return (summary, modelSummary);
    }
}
