using System.CommandLine;
using System.Globalization;
using Leadwise.Learning.Evaluation;
using Leadwise.Learning.Scorecard;
using Leadwise.Learning.Training;
using Leadwise.Scoring.Reports;
using Leadwise.Scoring.Rules;
using Spectre.Console;

namespace Leadwise.Cli.Commands;

/// <summary>
/// <c>leadwise rules learn</c>: fits a weight-of-evidence scorecard on a training part of the invited leads, measures
/// it on the held-out rest next to the built-in rules and <c>rules suggest</c> (fitted on the same part, ranked the
/// same way by <see cref="RankingEvaluation"/>), and writes the measured scorecard as a points rules file.
/// </summary>
internal static class RulesLearnCommand
{
    public static Command Create(CliContext context, GlobalOptions globals)
    {
        var output = new Option<FileInfo?>("--out") { Description = "Write the learned rules file here (default: print it)" };
        var holdOut = new Option<double>("--holdout") { Description = "Share of invited leads held out to measure the rules on (stratified by reply)", DefaultValueFactory = _ => 0.3 };
        holdOut.Validators.Add(result =>
        {
            if (result.Tokens.Count == 1
                && double.TryParse(result.Tokens[0].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                && value is <= 0 or >= 1)
            {
                result.AddError(string.Create(CultureInfo.InvariantCulture, $"--holdout must lie strictly between 0 and 1, got {value}."));
            }
        });
        var seed = new Option<int>("--seed") { Description = "Seed of the train/hold-out split (same seed, same file and numbers)", DefaultValueFactory = _ => 0 };
        var minSupport = new Option<int>("--min-support")
        {
            Description = "Fewest training leads a bin needs (rarer values count as \"(other)\")",
            DefaultValueFactory = _ => new ScorecardOptions().MinSupport,
        }.AtLeast(1);
        var command = new Command("learn", "Learn points from your converted leads: a weight-of-evidence logistic scorecard written as a rules file, measured on held-out leads against the built-in rules and rules suggest") { output, holdOut, seed, minSupport };
        var account = new AccountOption();
        account.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            await using var store = await StoreOpener.OpenExistingAsync(parseResult.GetValue(globals.Database), context, cancellationToken);
            var scope = await account.ResolveAsync(parseResult, store, cancellationToken);
            var invited = (await RulesCommand.ReadAllFactsAsync(store, scope, cancellationToken)).Where(facts => facts.Lead.InviteSentAt is not null).ToList();
            var heldOut = StratifiedSplit.HoldOut([.. invited.Select(facts => facts.Lead.Replied == true)], parseResult.GetValue(holdOut), parseResult.GetValue(seed));
            var training = invited.Where((_, i) => !heldOut[i]).ToList();
            var test = invited.Where((_, i) => heldOut[i]).ToList();

            ScorecardModel model;
            try
            {
                model = new ScorecardTrainer(new ScorecardOptions { MinSupport = parseResult.GetValue(minSupport) }).Fit(training, cancellationToken);
            }
            catch (NotEnoughDataException exception)
            {
                throw new UserFacingException(exception.Message);
            }

            var yaml = model.ToYaml();
            var learned = RankingEvaluation.Build(RulesLoader.Parse(yaml, "learned-rules.yaml"), test);
            var suggested = RankingEvaluation.Build(RulesLoader.Parse(new RuleSuggester().SuggestYaml(training), "suggested.yaml"), test);
            var defaults = RankingEvaluation.Build(RulesLoader.LoadDefault(), test);
            WriteWeights(context.Console, model);
            WriteComparison(context.Console, training.Count, model.Converted, learned, suggested, defaults);
            if (parseResult.GetValue(output) is { } target)
            {
                await File.WriteAllTextAsync(target.FullName, yaml, cancellationToken);
                context.Console.MarkupLineInterpolated($"[green]Wrote[/] the learned rules (fitted on the training part, as measured) to [bold]{target.FullName}[/]; check it with [bold]leadwise rules check {target.Name}[/].");
            }
            else
            {
                context.Console.WriteLine(yaml);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static void WriteWeights(IAnsiConsole console, ScorecardModel model)
    {
        var table = new Table().Border(TableBorder.Rounded).Title(string.Create(CultureInfo.InvariantCulture, $"Learned scorecard ({model.PointsPerDoubling:0.##} points per doubling of the odds)"));
        table.AddColumn("Attribute");
        table.AddColumn(new TableColumn("β").RightAligned());
        table.AddColumn(new TableColumn("Information value").RightAligned());
        table.AddColumn("Points per bin");
        foreach (var attribute in model.Attributes.Where(a => a.Coefficient > 0).OrderByDescending(a => a.Coefficient * a.InformationValue))
        {
            table.AddRow(
                Markup.Escape(attribute.Name),
                attribute.Coefficient.ToString("F2", CultureInfo.InvariantCulture),
                attribute.InformationValue.ToString("F3", CultureInfo.InvariantCulture),
                Markup.Escape(string.Join(", ", attribute.Bins.Where(b => b.Leads > 0).Select(b => string.Create(CultureInfo.InvariantCulture, $"{b.Label} {b.Points:+0;-0;0}")))));
        }

        var unused = model.Attributes.Count(a => a.Coefficient == 0);
        table.Caption(string.Create(CultureInfo.InvariantCulture, $"{unused} more attributes got no weight (nothing beyond the others); see the file's comments for what rules cannot express."));
        console.Write(table);
    }

    private static void WriteComparison(IAnsiConsole console, int trainingLeads, int trainingConverted, RankingEvaluation learned, RankingEvaluation suggested, RankingEvaluation defaults)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("Held-out ranking before contact (each lead scored as of its invite)");
        table.AddColumn("Rules");
        table.AddColumn(new TableColumn("ROC AUC vs replied").RightAligned());
        table.AddRow("[bold]learned scorecard (rules learn)[/]", Auc(learned.Auc));
        table.AddRow("rules suggest (same training part)", Auc(suggested.Auc));
        table.AddRow("built-in default rules", Auc(defaults.Auc));
        table.Caption(string.Create(CultureInfo.InvariantCulture,
            $"Fitted on {trainingLeads:N0} invited leads ({trainingConverted:N0} replied); measured on {learned.Leads:N0} held-out leads ({learned.Converted:N0} replied). 0.5 is chance."));
        console.Write(table);
    }

    private static string Auc(double auc) => double.IsNaN(auc) ? "n/a" : auc.ToString("F3", CultureInfo.InvariantCulture);
}
