using System.CommandLine;
using System.Globalization;
using Leadwise.Cli.Rendering;
using Leadwise.Data.Export;
using Spectre.Console;

namespace Leadwise.Cli.Commands;

/// <summary><c>leadwise export &lt;folder&gt;</c>: writes the store back as the five export files.</summary>
internal static class ExportCommand
{
    public static Command Create(CliContext context, GlobalOptions globals)
    {
        var folder = new Argument<DirectoryInfo>("folder") { Description = "Folder to write the five CSV files into (created if missing)" };
        var account = new AccountOption();
        var command = new Command("export", "Write the store as the five-table outreach export (the format import reads)") { folder };
        account.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            await using var store = await StoreOpener.OpenExistingAsync(parseResult.GetValue(globals.Database), context, cancellationToken);
            var owner = await account.ResolveAsync(parseResult, store, cancellationToken);
            var target = parseResult.GetRequiredValue(folder).FullName;
            var counts = await ProgressDisplay.RunAsync(context.Console, progress => new StoreExporter(store, owner).ExportAsync(target, progress, cancellationToken));
            context.Console.MarkupLineInterpolated(CultureInfo.InvariantCulture,
                $"[green]Exported[/] {counts.Users:N0} users, {counts.Campaigns:N0} campaigns, {counts.Messages:N0} messages, {counts.Leads:N0} leads, {counts.Snapshots:N0} records to [bold]{target}[/]");
            return ExitCodes.Success;
        });
        return command;
    }
}
