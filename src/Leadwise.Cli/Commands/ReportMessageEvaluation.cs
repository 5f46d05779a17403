using System.Globalization;
using Leadwise.Core.Outreach;
using Leadwise.Cli.Rendering;
using Leadwise.Core.Progress;
using Leadwise.Data.Storage;
using Leadwise.Learning.Features;
using Leadwise.Learning.Training;
using Leadwise.Recommend.Evaluation;
using Leadwise.Recommend.Registry;
using Leadwise.Reports.Content;
using Spectre.Console;

namespace Leadwise.Cli.Commands;

/// <summary>
/// The report's "Which message to send" section: when the store has a promoted sequence model, the recommendations are
/// evaluated as <c>leadwise evaluate recommend</c> does with its defaults (split seed 0, 30 % held out, the model
/// retrained on the training leads), with the truth when given, and the result is mapped into the report's content.
/// Without a sequence model the section says to run <c>leadwise train</c>.
/// </summary>
internal static class ReportMessageEvaluation
{
    /// <summary>With <paramref name="account"/>, <paramref name="leads"/> are that account's and the campaigns its own; the sequence model checked for is the one it is served.</summary>
    public static async Task<ModelReportContent> AddAsync(CliContext context, ILeadwiseStore store, StoreLeads leads, ModelReportContent content, GroundTruthReplies? truth, UserId? account, CancellationToken cancellationToken)
    {
        var promoted = await new HazardModelRegistry(store, context.Time, account).ServedVersionAsync(cancellationToken);
        if (promoted is null)
        {
            if (truth is not null)
            {
                context.Console.MarkupLine("[yellow]--truth is not used: no sequence model is promoted, so the report has no recommendation evaluation (run `leadwise train`).[/]");
            }

            return content;
        }

        EvaluateCommand.EnsureTruthBelongs(truth, leads);
        var campaigns = await EvaluateCommand.ReadCampaignsAsync(store, account, cancellationToken);
        var options = new PolicyEvaluationOptions(); // evaluate recommend's defaults, so its numbers can be checked against it
        var stage = string.Create(CultureInfo.InvariantCulture,
            $"Evaluating the recommendations on held-out leads (sequence model version {promoted} retrained; split seed {options.Seed}, {options.HoldOutShare:0%} held out)");
        try
        {
            var report = await ProgressDisplay.RunAsync(context.Console, async progress =>
            {
                progress.Report(new ProgressUpdate(stage, 0, 1));
                var evaluated = await Task.Run(() => RecommendationEvaluation.Run(leads.All, campaigns, leads.Messages, truth, options, cancellationToken), cancellationToken);
                progress.Report(new ProgressUpdate(stage, 1, 1));
                return evaluated;
            });
            return content with { MessageEvaluation = MessageEvaluationMapping.From(report, options) };
        }
        catch (NotEnoughDataException exception)
        {
            context.Console.MarkupLineInterpolated($"[yellow]The recommendations were not evaluated: the sequence model cannot be trained on the training leads ({exception.Message}).[/]");
            return content with
            {
                MessageEvaluationMissing = $"The recommendations could not be evaluated: the sequence model cannot be retrained on the training leads ({exception.Message}). Import more outreach history and write the report again.",
            };
        }
    }
}
