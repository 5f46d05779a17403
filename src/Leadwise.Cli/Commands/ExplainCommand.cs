using System.CommandLine;
using System.Globalization;
using Leadwise.Cli.Rendering;
using Leadwise.Core.Outreach;
using Leadwise.Data.Storage;
using Leadwise.Learning.Features;
using Leadwise.Learning.Model;
using Leadwise.Learning.Registry;
using Spectre.Console;

namespace Leadwise.Cli.Commands;

/// <summary>
/// <c>leadwise explain &lt;leadId&gt;</c>: every rule that fired for a lead, with its points and why, and when a
/// conversion model is promoted, its predicted probability with the factors that raise or lower it.
/// </summary>
internal static class ExplainCommand
{
    public static Command Create(CliContext context, GlobalOptions globals)
    {
        var leadId = new Argument<long>("leadId") { Description = "The lead's id (as in Leads.csv)" };
        var scoring = new ScoringOptions(context);
        var account = new AccountOption();
        var command = new Command("explain", "Explain a lead's score: each rule that fired, decayed event points, subtotals per model, total and grade") { leadId };
        scoring.AddTo(command);
        account.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var engine = scoring.Engine(parseResult);
            var asOf = scoring.ReadAsOf(parseResult);
            await using var store = await StoreOpener.OpenExistingAsync(parseResult.GetValue(globals.Database), context, cancellationToken);
            var scope = await account.ResolveAsync(parseResult, store, cancellationToken);
            var reader = await LeadFactsReader.OpenAsync(store, scope, cancellationToken);
            var id = new LeadId(parseResult.GetValue(leadId));
            var facts = await reader.ReadOneAsync(id, cancellationToken)
                ?? throw new UserFacingException(string.Create(CultureInfo.InvariantCulture, $"There is no lead {id} in {store.Description}."));
            ExplainView.Write(context.Console, facts, engine.Score(facts, asOf));
            // The lead's own account's model when it has one promoted, else the install-wide one: what `leadwise score` stores.
            if (await new ConversionModelRegistry(store, context.Time, facts.Campaign?.UserId).LoadPromotedAsync(cancellationToken) is { } promoted)
            {
                var messages = await store.ReadMessagesOfCampaignAsync(facts.Lead.CampaignId, cancellationToken);
                var preContact = PreContactFacts.ForScoring(facts, messages, asOf);
                ModelExplanationView.Write(context.Console, promoted.Version, promoted.Model.Predict(preContact), promoted.Model.Explain(preContact),
                    await AccountNames.ReadAsync(store, scope, cancellationToken));
            }
            else
            {
                context.Console.MarkupLine("[grey]No conversion model is promoted: `leadwise train` adds the model's probability and reasons here.[/]");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
