using System.CommandLine;
using System.Globalization;
using Leadwise.Core.Outreach;
using Leadwise.Learning.Features;
using Leadwise.Learning.Insights;
using Leadwise.Recommend.Hazards;
using Leadwise.Recommend.Messages;
using Leadwise.Recommend.Registry;
using Spectre.Console;

namespace Leadwise.Cli.Commands;

/// <summary>
/// <c>leadwise messages insights</c>: which message properties go with more replies at each step;
/// <c>leadwise messages score</c>: a draft message's predicted reply rate on a campaign's leads, beside the current message.
/// </summary>
internal static class MessagesCommand
{
    public static Command Create(CliContext context, GlobalOptions globals)
    {
        var command = new Command("messages", "What makes messages work: reply rates by message property per step, and predicted reply rates of draft messages");
        command.Subcommands.Add(Insights(context, globals));
        command.Subcommands.Add(Score(context, globals));
        return command;
    }

    private static Command Insights(CliContext context, GlobalOptions globals)
    {
        var minSends = new Option<int>("--min-sends") { Description = "Leave out property values and messages sent fewer times than this at a step", DefaultValueFactory = _ => new InsightOptions().MinLeads }.AtLeast(1);
        var command = new Command("insights", "Reply rate per message property (language, language match, length, personalisation, question, link, salutation) at each step, with 95% intervals and lift, and each message's own factor beyond its properties") { minSends };
        var account = new AccountOption();
        account.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            await using var store = await StoreOpener.OpenExistingAsync(parseResult.GetValue(globals.Database), context, cancellationToken);
            var scope = await account.ResolveAsync(parseResult, store, cancellationToken);
            var leads = await StoreLeads.ReadAsync(store, scope, cancellationToken);
            var data = HazardRows.Build(leads.All, leads.Messages);
            if (data.Hazards.Count == 0)
            {
                throw new UserFacingException("The store has no sent messages with a known template (invites or follow-ups of campaigns with messages), so there is nothing to compare.");
            }

            var options = new InsightOptions { MinLeads = parseResult.GetValue(minSends) };
            foreach (var step in MessageInsights.Build(data, options))
            {
                WriteStep(context.Console, step);
            }

            // With --account, the sequence model its leads are served: its own promoted one, else the install-wide one.
            var promoted = await new HazardModelRegistry(store, context.Time, scope).LoadPromotedAsync(cancellationToken);
            if (promoted is { } sequenceModel)
            {
                WriteFactors(context.Console, MessageInsights.Factors(data, sequenceModel.Model), sequenceModel.Version, parseResult.GetValue(minSends));
            }
            else
            {
                context.Console.MarkupLine("[grey]No sequence model is promoted, so each message's own effect beyond its properties is not shown: run `leadwise train`.[/]");
            }

            context.Console.MarkupLine(
                "[grey]Rows are sends that reached a lead who had not replied yet; z compares a value's reply rate with the other sends' at that step. These are raw rates: campaigns write to their own segment, so a property's rate also reflects who received it. `leadwise messages score` predicts a draft on a campaign's own leads.[/]");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Score(CliContext context, GlobalOptions globals)
    {
        var campaign = new Option<long>("--campaign") { Description = "The campaign whose leads the draft is scored on", Required = true };
        var step = new Option<int>("--step") { Description = "The step the draft would be sent at: 0 the invite note, 1 and up the follow-ups", Required = true };
        step.Validators.Add(result =>
        {
            if (result.GetValue(step) is < 0 or > OutreachSteps.LastFollowUp)
            {
                result.AddError(string.Create(CultureInfo.InvariantCulture, $"--step must be between 0 and {OutreachSteps.LastFollowUp}."));
            }
        });
        var text = new Option<string>("--text") { Description = "The draft message, with placeholders such as {{ first_name }} as in Messages.csv", Required = true };
        var command = new Command("score", "Predict a draft message's reply rate at a step of a campaign on the campaign's leads (not yet contacted, else all), beside the message it sends there now") { campaign, step, text };
        var account = new AccountOption();
        account.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            await using var store = await StoreOpener.OpenExistingAsync(parseResult.GetValue(globals.Database), context, cancellationToken);
            var scope = await account.ResolveAsync(parseResult, store, cancellationToken);
            var id = new CampaignId(parseResult.GetValue(campaign));
            // Another account's campaign is answered as a missing one.
            var found = await store.FindCampaignAsync(id, scope, cancellationToken)
                ?? throw new UserFacingException(string.Create(CultureInfo.InvariantCulture, $"There is no campaign {id} in {store.Description}."));

            // The campaign's account's own promoted sequence model when it has one, else the install-wide one, as `leadwise recommend`.
            var promoted = await new HazardModelRegistry(store, context.Time, found.UserId).LoadPromotedAsync(cancellationToken)
                ?? throw new UserFacingException("No sequence model is promoted: run `leadwise train` first.");
            var leads = await StoreLeads.ReadAsync(store, found.UserId, cancellationToken);
            var ofCampaign = leads.All.Where(f => f.Lead.CampaignId == id).ToList();
            var waiting = ofCampaign.Where(f => f.Lead.InviteSentAt is null).ToList();
            var now = context.Time.GetUtcNow();
            var messages = leads.Messages.GetValueOrDefault(id) ?? [];
            var scoredOn = (waiting.Count > 0 ? waiting : ofCampaign)
                .Select(f => PreContactFacts.Of(f, messages) ?? PreContactFacts.ForScoring(f, messages, now))
                .ToList();
            if (scoredOn.Count == 0)
            {
                throw new UserFacingException(string.Create(CultureInfo.InvariantCulture, $"Campaign {id} has no leads to score the draft on."));
            }

            var score = DraftScoring.Score(promoted.Model, found, messages, scoredOn, parseResult.GetValue(step), parseResult.GetValue(text)!);
            Write(context.Console, score, waiting.Count > 0, promoted.Version);
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Write(IAnsiConsole console, DraftScore score, bool waiting, int version)
    {
        console.MarkupLineInterpolated(CultureInfo.InvariantCulture,
            $"Campaign [bold]{score.Campaign}[/], step {score.Step}: scored on its {score.Leads:N0} {(waiting ? "leads not yet contacted" : "leads")} (sequence model version {version})");
        console.MarkupLineInterpolated(CultureInfo.InvariantCulture,
            $"Draft: predicted reply rate at this step [bold]{score.DraftHazard:P2}[/] (mean over the leads, for those the step reaches)");
        if (score.CurrentHazard is { } current)
        {
            console.MarkupLineInterpolated(CultureInfo.InvariantCulture,
                $"Current message {new MessageKey(score.Campaign, score.Step)}: [bold]{current:P2}[/]; draft − current [bold]{score.Uplift * 100:+0.00;-0.00;0.00}[/] percentage points; the draft is predicted better for {score.ShareOfLeadsBetter:P0} of the leads");
        }
        else
        {
            console.MarkupLine("The campaign sends no message at this step now.");
        }
    }

    private const int FactorsShownPerEnd = 5;

    private static void WriteFactors(IAnsiConsole console, IReadOnlyList<MessageFactor> factors, int version, int minSends)
    {
        var table = new Table().Border(TableBorder.Rounded).Title(string.Create(CultureInfo.InvariantCulture,
            $"Message factors, sequence model v{version}: {FactorsShownPerEnd} strongest and weakest per step, {minSends}+ sends"));
        table.AddColumn(new TableColumn("Step").RightAligned());
        table.AddColumn("Message");
        table.AddColumn("Name");
        table.AddColumn(new TableColumn("Sends").RightAligned());
        table.AddColumn(new TableColumn("Replies").RightAligned());
        table.AddColumn(new TableColumn("Factor (95% CI)").RightAligned());
        table.AddColumn("Reading");
        foreach (var step in factors.Where(f => f.Sends >= minSends).GroupBy(f => f.Step).OrderBy(g => g.Key))
        {
            var ordered = step.ToList();
            var shown = ordered.Count <= 2 * FactorsShownPerEnd ? ordered : [.. ordered.Take(FactorsShownPerEnd), .. ordered.TakeLast(FactorsShownPerEnd)];
            foreach (var factor in shown)
            {
                table.AddRow(
                    factor.Step.ToString(CultureInfo.InvariantCulture),
                    factor.Message.ToString(),
                    Markup.Escape(factor.Name ?? string.Empty),
                    factor.Sends.ToString("N0", CultureInfo.InvariantCulture),
                    factor.Replies.ToString("N0", CultureInfo.InvariantCulture),
                    string.Create(CultureInfo.InvariantCulture, $"{factor.Factor:F2} ({factor.Low:F2}–{factor.High:F2})"),
                    factor.Low > 1 ? "clearly better than predicted" : factor.High < 1 ? "clearly worse than predicted" : "within noise");
            }
        }

        console.Write(table);
        console.MarkupLine("[grey]Factor: how many times the predicted reply rate the message earns beyond its properties (language, length, question, …) and the leads it reached — the wording's own quality, shrunk towards 1 by its evidence.[/]");
    }

    private static void WriteStep(IAnsiConsole console, StepInsights step)
    {
        var report = step.Report;
        var table = new Table().Border(TableBorder.Rounded).Title(string.Create(CultureInfo.InvariantCulture,
            $"{step.Label}: {report.Leads:N0} sends, {report.Converted:N0} replies, reply rate {report.BaseRate:P2}"));
        table.AddColumn("Property");
        table.AddColumn("Value");
        table.AddColumn(new TableColumn("Sends").RightAligned());
        table.AddColumn(new TableColumn("Replies").RightAligned());
        table.AddColumn(new TableColumn("Reply rate (95% CI)").RightAligned());
        table.AddColumn(new TableColumn("Lift").RightAligned());
        table.AddColumn(new TableColumn("z").RightAligned());
        foreach (var insight in report.Insights.Where(i => !i.SmallGroup).OrderBy(i => i.Attribute, StringComparer.Ordinal).ThenByDescending(i => i.Rate))
        {
            table.AddRow(
                Markup.Escape(insight.Attribute),
                Markup.Escape(insight.Value),
                insight.Leads.ToString("N0", CultureInfo.InvariantCulture),
                insight.Converted.ToString("N0", CultureInfo.InvariantCulture),
                string.Create(CultureInfo.InvariantCulture, $"{insight.Rate:P1} ({insight.Interval.Low:P1}–{insight.Interval.High:P1})"),
                insight.Lift.ToString("F2", CultureInfo.InvariantCulture),
                insight.Z.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture));
        }

        console.Write(table);
    }
}
