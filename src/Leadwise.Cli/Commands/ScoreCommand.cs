using System.CommandLine;
using System.Globalization;
using Leadwise.Cli.Rendering;
using Leadwise.Core.Outreach;
using Leadwise.Core.Scoring;
using Leadwise.Data.Storage;
using Leadwise.Learning.Model;
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
        var account = new AccountOption();
        var command = new Command("score", "Score every lead with the point rules (total, grade, per-model subtotals) and, when a model is promoted, with the conversion model (probability, score, grade)") { top };
        scoring.AddTo(command);
        account.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var engine = scoring.Engine(parseResult);
            var asOf = scoring.ReadAsOf(parseResult);
            await using var store = await StoreOpener.OpenExistingAsync(parseResult.GetValue(globals.Database), context, cancellationToken);
            var owner = await account.ResolveAsync(parseResult, store, cancellationToken);
            var (summary, modelSummary) = await RunAsync(context, store, engine, asOf, parseResult.GetValue(top), owner, cancellationToken);
            ScoreSummaryView.Write(context.Console, summary, asOf);
            if (modelSummary is not null)
            {
                ModelScoreSummaryView.Write(context.Console, modelSummary);
            }
            return ExitCodes.Success;
        });
        return command;
    }

    public static Task<(ScoreSummary Points, ModelScoreSummary? Model)> RunAsync(CliContext context, ILeadwiseStore store, ScoringEngine engine, DateTimeOffset asOf, int top, CancellationToken cancellationToken) =>
        RunAsync(context, store, engine, asOf, top, null, cancellationToken);

    /// <summary>
    /// Scores every lead (of <paramref name="account"/>, when given) with the rules and, when one is promoted, the
    /// conversion model its account is served (its own, else the install-wide one), and stores both in one transaction
    /// (<see cref="StoreRescorer"/>, which the web API's score job runs too).
    /// </summary>
    public static async Task<(ScoreSummary Points, ModelScoreSummary? Model)> RunAsync(CliContext context, ILeadwiseStore store, ScoringEngine engine, DateTimeOffset asOf, int top, UserId? account, CancellationToken cancellationToken)
    {
        var console = context.Console;
        var served = await new ConversionModelRegistry(store, context.Time, account).LoadServedAsync(null, cancellationToken);
        var promoted = served.For(account);
        console.MarkupLineInterpolated(CultureInfo.InvariantCulture,
            $"Scoring the leads of [bold]{store.Description}[/]{(account is { } owner ? $" of account {owner.Value}" : string.Empty)} as of [bold]{asOf:yyyy-MM-dd HH:mm} UTC[/] with {engine.Rules.Rules.Count} rules{DescribeModels(served, account)}");
        var summary = new ScoreSummary(top);
        var modelSummary = promoted is { } current ? new ModelScoreSummary(current.Version, current.Model.Card.Bands, top) : null;
        await ProgressDisplay.RunAsync(console, async progress =>
        {
            await new StoreRescorer(store, engine).RescoreAsync(served, account, asOf, (lead, points, model) =>
            {
                summary.Add(lead, points);
                if (model is not null)
                {
                    // Without an install-wide model, leads of accounts with their own model are scored but not summarised.
                    modelSummary?.Add(lead, model);
                }
            }, progress, cancellationToken);
            return true;
        });
        return (summary, modelSummary);
    }

    private static string DescribeModels(ServedModels<ConversionModel> served, UserId? account)
    {
        if (served.IsEmpty)
        {
            return " (no conversion model promoted: `leadwise train` adds one)";
        }

        var own = account is null && served.ByAccount.Count > 0
            ? string.Create(CultureInfo.InvariantCulture,
                $"; the leads of {served.ByAccount.Count} account(s) with a model of their own with it ({string.Join(", ", served.ByAccount.OrderBy(a => a.Key.Value).Select(a => $"account {a.Key.Value}: version {a.Value.Version}"))})")
            : string.Empty;
        return served.For(account) is { } model
            ? string.Create(CultureInfo.InvariantCulture, $" and conversion model version {model.Version}{(model.Account is null ? string.Empty : " (the account's own)")}{own}")
            : own;
    }
}
