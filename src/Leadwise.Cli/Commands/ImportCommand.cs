using System.CommandLine;

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
        var importOptions = new ImportOptionsBinding();
        var command = new Command("import", "Import an outreach export (five CSV files) into the store; re-importing upserts by id")
        {
            folder,
        };
        importOptions.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var options = importOptions.Read(parseResult);
            var source = parseResult.GetRequiredValue(folder);
            if (!source.Exists)
            {
                throw new UserFacingException($"There is no folder {source.FullName} to import.");
            }

            await using var store = await StoreOpener.OpenAsync(parseResult.GetValue(globals.Database), context, cancellationToken);
            var report = await ImportRunner.RunAsync(context.Console, store, source.FullName, options, cancellationToken);
            return ImportRunner.ExitCode(report);
        });
        return command;
    }
}
