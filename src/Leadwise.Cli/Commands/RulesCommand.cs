using System.CommandLine;
using System.Globalization;
using Leadwise.Cli.Rendering;
using Leadwise.Core.Outreach;
using Leadwise.Core.Scoring;
using Leadwise.Data.Storage;
using Leadwise.Scoring.Engine;
using Leadwise.Scoring.Reports;
using Leadwise.Scoring.Rules;
using Spectre.Console;

namespace Leadwise.Cli.Commands;

/// <summary><c>leadwise rules check | suggest | learn | default</c>: validate a rules file, derive or learn points from data, show the built-in rules.</summary>
internal static class RulesCommand
{
    public static Command Create(CliContext context, GlobalOptions globals) => new("rules", "Work with point-scoring rules files")
    {
        Check(context, globals),
        Suggest(context, globals),
        RulesLearnCommand.Create(context, globals),
        Default(context),
    };

    private static Command Check(CliContext context, GlobalOptions globals)
    {
        var file = new Argument<FileInfo?>("file")
        {
            Description = "The rules file to check (YAML or JSON); default: the built-in rules",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var asOf = new ScoringOptions(context).AsOf;
        var command = new Command("check", "Validate a rules file (errors name line, column and rule) and, when a store exists, show how often each rule hits converted vs other leads and how well the points rank leads before contact") { file, asOf };
        var account = new AccountOption();
        account.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var source = parseResult.GetValue(file);
            if (source is { Exists: false })
            {
                throw new UserFacingException($"There is no rules file {source.FullName}.");
            }

            var name = source?.Name ?? "the built-in rules";
            var text = source is null ? RulesLoader.DefaultRulesText() : await File.ReadAllTextAsync(source.FullName, cancellationToken);
            var diagnostics = RulesLoader.Validate(text, source?.Name ?? "DefaultRules.yaml");
            foreach (var diagnostic in diagnostics)
            {
                var colour = diagnostic.Severity == RulesDiagnosticSeverity.Error ? "red" : "yellow";
                context.Console.MarkupLine($"[{colour}]{Markup.Escape(diagnostic.ToString())}[/]");
            }

            if (diagnostics.Any(d => d.Severity == RulesDiagnosticSeverity.Error))
            {
                context.Console.MarkupLineInterpolated($"[red]{name} has errors; nothing was scored.[/]");
                return ExitCodes.BadInput;
            }

            var rules = ScoringOptions.LoadRules(source);
            context.Console.MarkupLineInterpolated($"[green]{name} is valid:[/] {rules.Rules.Count} rules.");
            var location = StoreLocation.Resolve(parseResult.GetValue(globals.Database), context.Environment);
            if (!StoreLocation.IsPostgres(location) && !File.Exists(location))
            {
                if (parseResult.GetValue(account.Option) is { } id)
                {
                    // Checking the file alone would pass silently for an account that cannot be there.
                    throw new UserFacingException(string.Create(CultureInfo.InvariantCulture,
                        $"--account: There is no store at {location} to find account (user) {id} in; import an export first, or leave out --account."));
                }

                context.Console.MarkupLine("No store to test it on (import an export first to see how many leads each rule hits).");
                return ExitCodes.Success;
            }

            await using var store = await StoreOpener.OpenExistingAsync(location, context, cancellationToken);
            var leads = await ReadAllFactsAsync(store, await account.ResolveAsync(parseResult, store, cancellationToken), cancellationToken);
            var moment = ScoringOptions.ParseAsOf(parseResult.GetValue(asOf)) ?? context.Time.GetUtcNow();
            WriteReport(context.Console, RulesReport.Build(new ScoringEngine(rules), leads, moment));
            RankingEvaluationView.Write(context.Console, RankingEvaluation.Build(rules, leads));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Suggest(CliContext context, GlobalOptions globals)
    {
        var output = new Option<FileInfo?>("--out") { Description = "Write the suggested rules file here (default: print it)" };
        var minSupport = new Option<int>("--min-support")
        {
            Description = "Skip field values seen on fewer leads than this",
            DefaultValueFactory = _ => new SuggestOptions().MinSupport,
        }.AtLeast(1);
        var command = new Command("suggest", "Propose points per field value from converted (replied) vs other invited leads, as a rules file you can edit") { output, minSupport };
        var account = new AccountOption();
        account.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            await using var store = await StoreOpener.OpenExistingAsync(parseResult.GetValue(globals.Database), context, cancellationToken);
            var leads = await ReadAllFactsAsync(store, await account.ResolveAsync(parseResult, store, cancellationToken), cancellationToken);
            var suggester = new RuleSuggester(new SuggestOptions { MinSupport = parseResult.GetValue(minSupport) });
            var suggestions = suggester.Suggest(leads);
            var invited = leads.Count(facts => RulesReport.Outcome(facts) is not null);
            var converted = leads.Count(facts => RulesReport.Outcome(facts) == true);
            WriteSuggestions(context.Console, suggestions);
            var yaml = suggester.ToYaml(suggestions, invited, converted);
            await WriteOrPrintAsync(context.Console, parseResult.GetValue(output), yaml, $"{suggestions.Count} suggested rules", cancellationToken);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Default(CliContext context)
    {
        var output = new Option<FileInfo?>("--out") { Description = "Write the built-in rules file here to edit it (default: print it)" };
        var command = new Command("default", "Show the built-in rules file (a documented starting point for your own)") { output };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            await WriteOrPrintAsync(context.Console, parseResult.GetValue(output), RulesLoader.DefaultRulesText(), "the built-in rules", cancellationToken);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Writes a rules file where --out says, pointing at rules check, or prints it.</summary>
    private static async Task WriteOrPrintAsync(IAnsiConsole console, FileInfo? target, string rules, string what, CancellationToken cancellationToken)
    {
        if (target is null)
        {
            console.WriteLine(rules);
            return;
        }

        await File.WriteAllTextAsync(target.FullName, rules, cancellationToken);
        console.MarkupLineInterpolated($"[green]Wrote[/] {what} to [bold]{target.FullName}[/]; check it with [bold]leadwise rules check {target.Name}[/].");
    }

    /// <summary>
    /// Rules check and suggest compare rates over all leads (only <paramref name="account"/>'s, read in SQL, when given), so
    /// they hold the leads' facts in memory (about 1 KB a lead).
    /// </summary>
    public static async Task<List<LeadFacts>> ReadAllFactsAsync(ILeadwiseStore store, UserId? account, CancellationToken cancellationToken)
    {
        var reader = await LeadFactsReader.OpenAsync(store, account, cancellationToken);
        var leads = new List<LeadFacts>();
        await foreach (var facts in reader.ReadAllAsync(cancellationToken))
        {
            leads.Add(facts);
        }

        return leads;
    }

    private static void WriteReport(IAnsiConsole console, RulesReport report)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("Rule hits: converted (replied) vs other invited leads");
        table.AddColumn("Rule");
        table.AddColumn("Model");
        table.AddColumn(new TableColumn("Leads hit").RightAligned());
        table.AddColumn(new TableColumn("Converted hit").RightAligned());
        table.AddColumn(new TableColumn("Others hit").RightAligned());
        table.AddColumn(new TableColumn("Difference (95% CI)").RightAligned());
        foreach (var rule in report.Rules)
        {
            table.AddRow(
                Markup.Escape(rule.RuleId),
                rule.Group.ToString(),
                rule.Hits.ToString("N0", CultureInfo.InvariantCulture),
                Percent(rule.ConvertedRate),
                Percent(rule.NonConvertedRate),
                string.Create(CultureInfo.InvariantCulture, $"{rule.Difference * 100:+0.0;-0.0;0.0} pp ({rule.DifferenceInterval.Low * 100:+0.0;-0.0;0.0} to {rule.DifferenceInterval.High * 100:+0.0;-0.0;0.0})"));
        }

        table.Caption(string.Create(CultureInfo.InvariantCulture, $"{report.Leads:N0} leads, {report.Converted:N0} converted, {report.NonConverted:N0} invited without reply"));
        console.Write(table);
    }

    private static void WriteSuggestions(IAnsiConsole console, IReadOnlyList<SuggestedRule> suggestions)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("Suggested points (log-odds vs the base rate)");
        table.AddColumn("Field");
        table.AddColumn("Value");
        table.AddColumn(new TableColumn("Leads").RightAligned());
        table.AddColumn(new TableColumn("Converted").RightAligned());
        table.AddColumn(new TableColumn("Reply rate").RightAligned());
        table.AddColumn(new TableColumn("Log-odds (95% CI)").RightAligned());
        table.AddColumn(new TableColumn("Points").RightAligned());
        foreach (var suggestion in suggestions)
        {
            table.AddRow(
                Markup.Escape(suggestion.Field),
                Markup.Escape(suggestion.Value),
                suggestion.Leads.ToString("N0", CultureInfo.InvariantCulture),
                suggestion.Converted.ToString("N0", CultureInfo.InvariantCulture),
                Percent(suggestion.Rate),
                string.Create(CultureInfo.InvariantCulture, $"{suggestion.LogOdds:+0.00;-0.00} ({suggestion.LogOddsLow:+0.00;-0.00} to {suggestion.LogOddsHigh:+0.00;-0.00})") + (suggestion.Significant ? string.Empty : " [grey]n.s.[/]"),
                suggestion.Points.ToString("+0;-0;0", CultureInfo.InvariantCulture));
        }

        console.Write(table);
    }

    private static string Percent(double rate) => rate.ToString("P1", CultureInfo.InvariantCulture);
}
