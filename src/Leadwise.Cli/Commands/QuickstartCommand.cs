using System.CommandLine;
using Leadwise.Cli.Rendering;
using Leadwise.Data.Import;
using Leadwise.Data.Postgres;
using Leadwise.Data.Storage;
using Leadwise.Generator;
using Leadwise.Learning.Features;
using Leadwise.Learning.Model;
using Leadwise.Scoring.Engine;
using Leadwise.Scoring.Rules;
using Spectre.Console;

namespace Leadwise.Cli.Commands;

/// <summary>
/// <c>leadwise quickstart</c>: the whole pipeline on generated data, as a short sequence of library calls
/// (generate, import the export, companies and events, summarise, point-score). Later features add their step here.
/// </summary>
internal static class QuickstartCommand
{
    public static Command Create(CliContext context, GlobalOptions globals)
    {
        var leads = GenerateCommand.CreateLeadsOption();
        var seed = GenerateCommand.CreateSeedOption();
        var directory = new Option<DirectoryInfo>("--dir")
        {
            Description = "Working folder: the export goes to <dir>/export, the store to <dir>/leadwise.db (unless --db)",
            DefaultValueFactory = _ => new DirectoryInfo("leadwise-quickstart"),
        };
        var command = new Command("quickstart", "Generate a realistic data set, import it with its companies and events, show what is in the store, train the conversion model, score every lead with points and the model, and write the model report")
        {
            leads,
            seed,
            directory,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var root = parseResult.GetRequiredValue(directory).FullName;
            Directory.CreateDirectory(root);
            var exportFolder = Path.Combine(root, "export");
            var database = parseResult.GetValue(globals.Database) ?? Path.Combine(root, "leadwise.db");

            context.Console.Write(new Rule("[bold]1. Generate[/]").LeftJustified());
            var options = new GeneratorOptions { LeadCount = parseResult.GetValue(leads), Seed = parseResult.GetValue(seed) };
            await GenerateCommand.RunAsync(context.Console, options, exportFolder, cancellationToken);

            context.Console.Write(new Rule("[bold]2. Import[/]").LeftJustified());
            await using var store = await StoreFactory.OpenAsync(database, mustExist: false, cancellationToken);
            var report = await ImportRunner.RunAsync(context.Console, store, exportFolder, new ImportOptions(), cancellationToken);
            if (!report.Committed)
            {
                return ExitCodes.BadInput;
            }

            context.Console.Write(new Rule("[bold]3. Import companies and engagement events[/]").LeftJustified());
            foreach (var (file, import) in new (string File, FileImportCommand.Import Import)[]
            {
                ("companies.csv", static (s, path, o, p, ct) => new CompanyImporter(s).ImportAsync(path, o, p, ct)),
                ("events.csv", static (s, path, o, p, ct) => new EngagementImporter(s).ImportAsync(path, o, p, ct)),
            })
            {
                var path = Path.Combine(exportFolder, file);
                var imported = await ImportRunner.RunAsync(context.Console, store, path, new ImportOptions(), progress => import(store, path, new ImportOptions(), progress, cancellationToken));
                if (!imported.Committed)
                {
                    return ExitCodes.BadInput;
                }
            }

            context.Console.Write(new Rule("[bold]4. What is in the store[/]").LeftJustified());
            await StoreSummaryView.WriteAsync(context.Console, store, cancellationToken);

            context.Console.Write(new Rule("[bold]5. Train the conversion and sequence models[/]").LeftJustified());
            try
            {
                var conversion = new ConversionTrainingOptions();
                var leads = await StoreLeads.ReadAsync(store, cancellationToken);
                await TrainCommand.RunAsync(context, store, leads, conversion, save: true, promote: true, cancellationToken);
                await HazardTraining.RunAsync(context, store, leads, conversion.Folds, conversion.Seed, save: true, promote: true, messageText: null, cancellationToken);
            }
            catch (UserFacingException exception)
            {
                context.Console.MarkupLineInterpolated($"[yellow]Skipped:[/] {exception.Message} Generate more leads (--leads) to train a model.");
            }

            // Generated data ends at its export date; scoring "now" would decay every event to nothing.
            context.Console.Write(new Rule("[bold]6. Score every lead: points and model[/]").LeftJustified());
            var engine = new ScoringEngine(RulesLoader.LoadDefault());
            var (summary, modelSummary) = await ScoreCommand.RunAsync(context, store, engine, options.ExportDate, top: 10, cancellationToken);
            ScoreSummaryView.Write(context.Console, summary, options.ExportDate);
            if (modelSummary is not null)
            {
                ModelScoreSummaryView.Write(context.Console, modelSummary);
            }

            if (modelSummary is not null)
            {
                context.Console.Write(new Rule("[bold]7. Model report[/]").LeftJustified());
                await ReportCommand.WriteAsync(context, store, version: null, Path.Combine(root, "report.html"), truthFolder: exportFolder, account: null, cancellationToken);
            }

            var best = summary.Top.Count > 0 ? summary.Top[0].Lead.Id.ToString() : "<leadId>";
            var shown = StoreLocation.IsPostgres(database) ? "<connection string>" : database;
            context.Console.MarkupLineInterpolated($"Next: [bold]leadwise explain {best} --as-of {options.ExportDate:yyyy-MM-dd} --db {shown}[/], [bold]leadwise recommend {best} --db {shown}[/], [bold]leadwise models list --db {shown}[/], [bold]leadwise serve --db {shown}[/] (then open {ServeCommand.DefaultUrls}/ for the dashboard), [bold]leadwise rules suggest --db {shown}[/], or import your own export with [bold]leadwise import <folder> --db <file>[/].");
            return ExitCodes.Success;
        });
        return command;
    }
}
