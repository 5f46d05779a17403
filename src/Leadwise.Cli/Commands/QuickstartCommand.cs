using System.CommandLine;
using Leadwise.Cli.Rendering;
using Leadwise.Data.Import;
using Leadwise.Data.Sqlite;
using Leadwise.Generator;
using Spectre.Console;

namespace Leadwise.Cli.Commands;

/// <summary>
/// <c>leadwise quickstart</c>: the whole pipeline on generated data, as a short sequence of library calls
/// (generate, import, summarise). Later features add their step here.
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
        var command = new Command("quickstart", "Generate a realistic data set, import it, and show what is in the store")
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
            await using var store = await SqliteLeadwiseStore.OpenAsync(database, cancellationToken);
            var report = await ImportRunner.RunAsync(context.Console, store, exportFolder, new ImportOptions(), cancellationToken);
            if (!report.Committed)
            {
                return ExitCodes.BadInput;
            }

            context.Console.Write(new Rule("[bold]3. What is in the store[/]").LeftJustified());
            await StoreSummaryView.WriteAsync(context.Console, store, cancellationToken);
            context.Console.MarkupLineInterpolated($"Next: [bold]leadwise status --db {database}[/], or import your own export with [bold]leadwise import <folder> --db <file>[/].");
            return ExitCodes.Success;
        });
        return command;
    }
}
