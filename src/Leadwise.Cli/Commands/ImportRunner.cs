using Leadwise.Cli.Rendering;
using Leadwise.Data.Import;
using Leadwise.Data.Storage;
using Spectre.Console;

namespace Leadwise.Cli.Commands;

/// <summary>Runs an import with progress and prints its report; shared by import and quickstart.</summary>
internal static class ImportRunner
{
    public static async Task<ImportReport> RunAsync(IAnsiConsole console, ILeadwiseStore store, string folder, ImportOptions options, CancellationToken cancellationToken)
    {
        console.MarkupLineInterpolated($"Importing [bold]{folder}[/] into [bold]{store.Description}[/]");
        var importer = new OutreachImporter(store);
        var report = await ProgressDisplay.RunAsync(console, progress => importer.ImportAsync(folder, options, progress, cancellationToken));
        ImportReportView.Write(console, report, options);
        return report;
    }
}
