using System.CommandLine;
using System.Globalization;
using Leadwise.Core.Outreach;
using Leadwise.Learning.Features;
using Leadwise.Recommend.Recommending;
using Leadwise.Recommend.Registry;
using Spectre.Console;

namespace Leadwise.Cli.Commands;

/// <summary>
/// <c>leadwise recommend &lt;leadId&gt;</c>: the message sequence the promoted sequence (hazard) model predicts is most
/// likely to get the lead to reply, step by step with runners-up, against the lead's current campaign sequence; with
/// <c>--campaign</c>, the one sequence maximising the expected replies over the campaign's leads not yet contacted.
/// </summary>
internal static class RecommendCommand
{
    public static Command Create(CliContext context, GlobalOptions globals)
    {
        var leadId = new Argument<long?>("leadId") { Description = "The lead's id (as in Leads.csv)", Arity = ArgumentArity.ZeroOrOne };
        var campaign = new Option<long?>("--campaign") { Description = "Recommend one sequence for this campaign's leads not yet contacted instead" };
        var allUsers = new Option<bool>("--all-users") { Description = "Also consider other users' (accounts') campaigns' messages" };
        var runnersUp = new Option<int>("--runners-up") { Description = "Runners-up shown per step", DefaultValueFactory = _ => 3 }.AtLeast(0);
        var explore = new Option<bool>("--explore") { Description = "Thompson sampling: draw each message's effect from its posterior, so new and sparse messages get tried (the default ranks by expected reply probability)" };
        var exploreSeed = new Option<int?>("--explore-seed") { Description = "Seed the --explore draws (the same seed, the same choices)" };
        var account = new AccountOption();
        var command = new Command("recommend", "Recommend the message for each step of a lead's campaign (or, with --campaign, of a whole campaign) with the promoted sequence model, against the current sequence") { leadId, campaign, allUsers, runnersUp, explore, exploreSeed };
        account.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var lead = parseResult.GetValue(leadId);
            var campaignId = parseResult.GetValue(campaign);
            if (lead is null == campaignId is null)
            {
                throw new UserFacingException("Give either a lead id or --campaign <id>.");
            }

            if (parseResult.GetValue(allUsers) && parseResult.GetValue(account.Option) is not null)
            {
                throw new UserFacingException("--all-users considers every account's messages, --account only one account's: give one of them.");
            }

            await using var store = await StoreOpener.OpenExistingAsync(parseResult.GetValue(globals.Database), context, cancellationToken);
            var scope = await account.ResolveAsync(parseResult, store, cancellationToken);
            var leads = await StoreLeads.ReadAsync(store, scope, cancellationToken);
            var campaigns = new List<Campaign>();
            await foreach (var found in store.ReadCampaignsAsync(scope, cancellationToken))
            {
                campaigns.Add(found);
            }

            // The sequence model of the account the lead or campaign belongs to, when it has one promoted; else the install-wide one.
            var owner = lead is { } leadOf
                ? leads.All.FirstOrDefault(f => f.Lead.Id.Value == leadOf)?.Campaign?.UserId
                : campaigns.FirstOrDefault(c => c.Id.Value == campaignId)?.UserId;
            var promoted = await new HazardModelRegistry(store, context.Time, owner ?? scope).LoadPromotedAsync(cancellationToken)
                ?? throw new UserFacingException("No sequence model is promoted: run `leadwise train` first.");

            var recommender = new SequenceRecommender(promoted.Model, campaigns, leads.Messages, leads.All, context.Time);
            var options = new RecommendOptions
            {
                AllUsers = parseResult.GetValue(allUsers),
                RunnersUp = parseResult.GetValue(runnersUp),
                Explore = parseResult.GetValue(explore),
                ExploreSeed = parseResult.GetValue(exploreSeed),
            };
            if (options.Explore)
            {
                context.Console.MarkupLine("[grey]Exploring (Thompson sampling): message effects are drawn from their posteriors, so figures vary between runs; without --explore the ranking is by expected reply probability.[/]");
            }

            var messages = leads.Messages.Values.SelectMany(list => list).GroupBy(m => m.Key).ToDictionary(g => g.Key, g => g.First());
            try
            {
                if (lead is { } id)
                {
                    var facts = leads.All.FirstOrDefault(f => f.Lead.Id.Value == id)
                        ?? throw new UserFacingException(string.Create(CultureInfo.InvariantCulture, $"There is no lead {id} in {store.Description}."));
                    WriteLead(context.Console, promoted.Version, recommender.Recommend(facts, options), messages, facts.Lead);
                }
                else
                {
                    WriteCampaign(context.Console, promoted.Version, recommender.RecommendCampaign(new CampaignId(campaignId!.Value), options), messages);
                }
            }
            catch (Exception exception) when (exception is KeyNotFoundException or InvalidOperationException)
            {
                throw new UserFacingException(exception.Message);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static void WriteLead(IAnsiConsole console, int version, SequenceRecommendation recommendation, IReadOnlyDictionary<MessageKey, Message> messages, Lead lead)
    {
        console.MarkupLineInterpolated(CultureInfo.InvariantCulture,
            $"Lead [bold]{recommendation.Lead.Value}[/], campaign {recommendation.Campaign.Value} (sequence model version {version})");
        var recommended = recommendation.Recommended;
        var table = new Table().Border(TableBorder.Rounded).Title("Recommended sequence");
        table.AddColumn("Step");
        table.AddColumn("Message");
        table.AddColumn("Name");
        table.AddColumn(new TableColumn("Hazard").RightAligned());
        table.AddColumn(new TableColumn("Reply by step").RightAligned());
        table.AddColumn("Runners-up (hazard → reply)");
        for (var step = 0; step < recommended.Messages.Count; step++)
        {
            var key = recommended.Messages[step];
            var others = string.Join(", ", recommendation.RunnersUp[step].Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Message} ({c.Hazard:P1} → {c.ReplyProbability:P1})")));
            table.AddRow(
                step.ToString(CultureInfo.InvariantCulture),
                key.ToString(),
                Markup.Escape(messages.GetValueOrDefault(key)?.Name ?? string.Empty),
                recommended.Hazards[step].ToString("P1", CultureInfo.InvariantCulture),
                recommended.Cumulative[step].ToString("P1", CultureInfo.InvariantCulture),
                Markup.Escape(others));
        }

        if (recommended.Acceptance < 1.0)
        {
            table.Caption(string.Create(CultureInfo.InvariantCulture, $"Predicted invite acceptance {recommended.Acceptance:P1}; reply by step includes it."));
        }

        console.Write(table);
        for (var step = 0; step < recommended.Messages.Count; step++)
        {
            var key = recommended.Messages[step];
            var content = messages.TryGetValue(key, out var message) ? MessageRenderer.Render(message, lead) : string.Empty;
            console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[bold]Step {step}[/] ({key}): {content}");
        }

        var current = recommendation.Current;
        var currentTable = new Table().Border(TableBorder.Rounded).Title("Current sequence");
        currentTable.AddColumn("Step");
        currentTable.AddColumn("Message");
        currentTable.AddColumn("Name");
        currentTable.AddColumn(new TableColumn("Hazard").RightAligned());
        currentTable.AddColumn(new TableColumn("Reply by step").RightAligned());
        for (var step = 0; step < current.Messages.Count; step++)
        {
            var key = current.Messages[step];
            currentTable.AddRow(
                step.ToString(CultureInfo.InvariantCulture),
                key.ToString(),
                Markup.Escape(messages.GetValueOrDefault(key)?.Name ?? string.Empty),
                current.Hazards[step].ToString("P1", CultureInfo.InvariantCulture),
                current.Cumulative[step].ToString("P1", CultureInfo.InvariantCulture));
        }

        console.Write(currentTable);
        console.MarkupLineInterpolated(CultureInfo.InvariantCulture,
            $"Expected uplift: [bold]{recommendation.Uplift * 100:+0.0;-0.0;0.0}[/] percentage points (reply probability {current.ReplyProbability:P1} current → {recommended.ReplyProbability:P1} recommended)");
    }

    private static void WriteCampaign(IAnsiConsole console, int version, CampaignRecommendation recommendation, IReadOnlyDictionary<MessageKey, Message> messages)
    {
        console.MarkupLineInterpolated(CultureInfo.InvariantCulture,
            $"Campaign [bold]{recommendation.Campaign.Value}[/]: the sequence maximising expected replies over {recommendation.Leads:N0} leads (sequence model version {version})");
        var table = new Table().Border(TableBorder.Rounded).Title("Recommended sequence");
        table.AddColumn("Step");
        table.AddColumn("Message");
        table.AddColumn("Name");
        table.AddColumn("Current message");
        for (var step = 0; step < recommendation.Sequence.Count; step++)
        {
            var key = recommendation.Sequence[step];
            table.AddRow(
                step.ToString(CultureInfo.InvariantCulture),
                key.ToString(),
                Markup.Escape(messages.GetValueOrDefault(key)?.Name ?? string.Empty),
                new MessageKey(recommendation.Campaign, step).ToString());
        }

        console.Write(table);
        console.MarkupLineInterpolated(CultureInfo.InvariantCulture,
            $"Expected replies: [bold]{recommendation.ExpectedReplies:F1}[/] recommended vs {recommendation.CurrentExpectedReplies:F1} current (uplift {recommendation.ExpectedReplies - recommendation.CurrentExpectedReplies:+0.0;-0.0;0.0})");
    }
}
