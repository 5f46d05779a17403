using System.CommandLine;
using Leadwise.Data.Import;

namespace Leadwise.Cli.Commands;

/// <summary><c>leadwise import &lt;folder&gt;</c>: loads the five-table outreach export into the store.</summary>
internal static class ImportCommand
{
    public static Command Create(CliContext context, GlobalOptions globals)
    {
        var folder = new Argument<DirectoryInfo>("folder")
        {
            Description = "Folder holding Users.csv, Campaigns.csv, Messages.csv, Leads.csv and Records.csv",
        };
        var maxErrors = new Option<int>("--max-errors")
        {
            Description = "How many errors to list (all are counted)",
            DefaultValueFactory = _ => 100,
        }.AtLeast(1);
        var skipBadRows = new Option<bool>("--skip-bad-rows")
        {
            Description = "Import the good rows and report the bad ones (default: all-or-nothing, nothing is written when any row is bad)",
        };
        var rejects = new Option<FileInfo?>("--rejects")
        {
            Description = "Where to write the listed errors as CSV (default: leadwise-rejects.csv in the working directory, only when there are errors)",
        };

        var command = new Command("import", "Import an outreach export (five CSV files) into the store; re-importing upserts by id")
        {
            folder,
            maxErrors,
            skipBadRows,
            rejects,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var options = new ImportOptions
            {
                MaxErrors = parseResult.GetValue(maxErrors),
                SkipBadRows = parseResult.GetValue(skipBadRows),
                RejectsPath = parseResult.GetValue(rejects)?.FullName ?? Path.GetFullPath("leadwise-rejects.csv"),
            };
            var source = parseResult.GetRequiredValue(folder);
            if (!source.Exists)
            {
                throw new UserFacingException($"There is no folder {source.FullName} to import.");
            }

            await using var store = await StoreOpener.OpenAsync(parseResult.GetValue(globals.Database), context, cancellationToken);
            var report = await ImportRunner.RunAsync(context.Console, store, source.FullName, options, cancellationToken);
            return report.Committed && report.ErrorCount == 0 ? ExitCodes.Success : ExitCodes.BadInput;
        });
        return command;
    }
}
