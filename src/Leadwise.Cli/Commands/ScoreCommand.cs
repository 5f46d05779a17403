using System.CommandLine;
using System.Globalization;
using Leadwise.Cli.Rendering;
using Leadwise.Core.Progress;
using Leadwise.Core.Scoring;
using Leadwise.Data.Storage;
using Leadwise.Scoring.Engine;
using Spectre.Console;

namespace Leadwise.Cli.Commands;

/// <summary><c>leadwise score</c>: point-scores every lead, stores score, grade and subtotals, and shows the best leads.</summary>
internal static class ScoreCommand
{
    private const int BatchSize = 16_384;

    public static Command Create(CliContext context, GlobalOptions globals)
    {
        var scoring = new ScoringOptions(context);
        var top = new Option<int>("--top") { Description = "How many of the best leads to list", DefaultValueFactory = _ => 15 }.AtLeast(0);
        var command = new Command("score", "Score every lead with the point rules; stores total, grade and per-model subtotals") { top };
        scoring.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var engine = scoring.Engine(parseResult);
            var asOf = scoring.ReadAsOf(parseResult);
            await using var store = await StoreOpener.OpenExistingAsync(parseResult.GetValue(globals.Database), context, cancellationToken);
            var summary = await RunAsync(context.Console, store, engine, asOf, parseResult.GetValue(top), cancellationToken);
            ScoreSummaryView.Write(context.Console, summary, asOf);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Scores every lead in batches (in parallel within a batch) and stores the scores in one transaction.</summary>
    public static async Task<ScoreSummary> RunAsync(IAnsiConsole console, ILeadwiseStore store, ScoringEngine engine, DateTimeOffset asOf, int top, CancellationToken cancellationToken)
    {
        console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Scoring the leads of [bold]{store.Description}[/] as of [bold]{asOf:yyyy-MM-dd HH:mm} UTC[/] with {engine.Rules.Rules.Count} rules");
        var total = (await store.CountAsync(cancellationToken)).Leads;
        var summary = new ScoreSummary(top);
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
        return summary;
    }
}
