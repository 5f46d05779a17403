using Leadwise.Cli.Rendering;
using Leadwise.Core.Progress;
using Leadwise.Data.Import;
using Leadwise.Data.Storage;
using Spectre.Console;

namespace Leadwise.Cli.Commands;

/// <summary>Runs an import with progress and prints its report; shared by every import command and quickstart.</summary>
internal static class ImportRunner
{
    public static Task<ImportReport> RunAsync(IAnsiConsole console, ILeadwiseStore store, string folder, ImportOptions options, CancellationToken cancellationToken) =>
        RunAsync(console, store, folder, options, progress => new OutreachImporter(store).ImportAsync(folder, options, progress, cancellationToken));

    public static async Task<ImportReport> RunAsync(
        IAnsiConsole console,
        ILeadwiseStore store,
        string source,
        ImportOptions options,
        Func<IProgress<ProgressUpdate>, Task<ImportReport>> import)
    {
        console.MarkupLineInterpolated($"Importing [bold]{source}[/] into [bold]{store.Description}[/]");
        var report = await ProgressDisplay.RunAsync(console, import);
        ImportReportView.Write(console, report, options);
        return report;
    }

    public static int ExitCode(ImportReport report) =>
        report.Committed && report.ErrorCount == 0 ? ExitCodes.Success : ExitCodes.BadInput;
}
