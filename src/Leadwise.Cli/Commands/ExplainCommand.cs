using System.CommandLine;
using System.Globalization;
using Leadwise.Cli.Rendering;
using Leadwise.Core.Outreach;
using Leadwise.Data.Storage;

namespace Leadwise.Cli.Commands;

/// <summary><c>leadwise explain &lt;leadId&gt;</c>: every rule that fired for a lead, with its points and why.</summary>
internal static class ExplainCommand
{
    public static Command Create(CliContext context, GlobalOptions globals)
    {
        var leadId = new Argument<long>("leadId") { Description = "The lead's id (as in Leads.csv)" };
        var scoring = new ScoringOptions(context);
        var command = new Command("explain", "Explain a lead's score: each rule that fired, decayed event points, subtotals per model, total and grade") { leadId };
        scoring.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var engine = scoring.Engine(parseResult);
            var asOf = scoring.ReadAsOf(parseResult);
            await using var store = await StoreOpener.OpenExistingAsync(parseResult.GetValue(globals.Database), context, cancellationToken);
            var reader = await LeadFactsReader.OpenAsync(store, cancellationToken);
            var id = new LeadId(parseResult.GetValue(leadId));
            var facts = await reader.ReadOneAsync(id, cancellationToken)
                ?? throw new UserFacingException(string.Create(CultureInfo.InvariantCulture, $"There is no lead {id} in {store.Description}."));
            ExplainView.Write(context.Console, facts, engine.Score(facts, asOf));
            return ExitCodes.Success;
        });
        return command;
    }
}
