using System.CommandLine;
using Leadwise.Core.Progress;
using Leadwise.Data.Import;
using Leadwise.Data.Storage;

namespace Leadwise.Cli.Commands;

/// <summary>
/// <c>leadwise events import &lt;file&gt;</c> and <c>leadwise companies import &lt;file&gt;</c>: one CSV file into
/// the store, with the same strict, line-precise, all-or-nothing rules as the export import.
/// </summary>
internal static class FileImportCommand
{
    public delegate Task<ImportReport> Import(ILeadwiseStore store, string path, ImportOptions options, IProgress<ProgressUpdate> progress, CancellationToken cancellationToken);

    public static Command Create(CliContext context, GlobalOptions globals, string noun, string description, string fileDescription, Import import)
    {
        var file = new Argument<FileInfo>("file") { Description = fileDescription };
        var importOptions = new ImportOptionsBinding();
        var command = new Command("import", description) { file };
        importOptions.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var source = parseResult.GetRequiredValue(file);
            if (!source.Exists)
            {
                throw new UserFacingException($"There is no file {source.FullName} to import.");
            }

            var options = importOptions.Read(parseResult);
            await using var store = await StoreOpener.OpenExistingAsync(parseResult.GetValue(globals.Database), context, cancellationToken);
            var report = await ImportRunner.RunAsync(context.Console, store, source.FullName, options,
                progress => import(store, source.FullName, options, progress, cancellationToken));
            return ImportRunner.ExitCode(report);
        });

        return new Command(noun, $"Work with {noun}") { command };
    }

    public static Command Events(CliContext context, GlobalOptions globals) => Create(context, globals, "events",
        "Import engagement events (events.csv: leadId,type,occurredAt,clientEventId,url,campaign + property columns); re-importing adds nothing",
        "The events CSV file",
        (store, path, options, progress, ct) => new EngagementImporter(store).ImportAsync(path, options, progress, ct));

    public static Command Companies(CliContext context, GlobalOptions globals) => Create(context, globals, "companies",
        "Import company profiles (companies.csv: name,domain,industry,employees,targetMarket,country); upserts by name",
        "The companies CSV file",
        (store, path, options, progress, ct) => new CompanyImporter(store).ImportAsync(path, options, progress, ct));
}
