using Leadwise.Core.Jobs;
using Leadwise.Core.Progress;
using Leadwise.Data.Import;
using Leadwise.Data.Storage;

namespace Leadwise.Server.Jobs;

/// <summary>
/// Runs an uploaded import through <see cref="OutreachImporter"/>, the code path of <c>leadwise import</c>, so validation,
/// the <c>file:line:column: reason</c> lines and all-or-nothing are the CLI's. The upload is read from the store (any node
/// can run it) into a private temporary folder, deleted whatever happens.
/// </summary>
internal sealed partial class ImportJobHandler(ILeadwiseStore store, ILoggerFactory loggers, ILogger<ImportJobHandler> logger) : IJobHandler
{
    public string Kind => JobKinds.Import;

    public async Task<JobOutcome> RunAsync(Job job, IProgress<ProgressUpdate> progress, CancellationToken cancellationToken)
    {
        var options = ImportJobInput.Parse(job.InputJson).ToOptions();
        var folder = Directory.CreateTempSubdirectory("leadwise-import-").FullName;
        try
        {
            await WriteFilesAsync(job.Id, folder, cancellationToken).ConfigureAwait(false);
            var report = await new OutreachImporter(store, loggers.CreateLogger<OutreachImporter>()).ImportAsync(folder, options, progress, cancellationToken).ConfigureAwait(false);
            return new JobOutcome(report.Committed, ImportJobResult.From(report).ToJson(), [.. report.Errors.Select(error => error.ToString())]);
        }
        finally
        {
            TryDelete(folder);
        }
    }

    /// <summary>Each file's chunks, in order, into the folder under the file's name (only the export's own file names are ever stored).</summary>
    private async Task WriteFilesAsync(string jobId, string folder, CancellationToken cancellationToken)
    {
        FileStream? file = null;
        string? name = null;
        try
        {
            await foreach (var chunk in store.ReadJobFilesAsync(jobId, cancellationToken).ConfigureAwait(false))
            {
                if (chunk.Name != name)
                {
                    if (file is not null)
                    {
                        await file.DisposeAsync().ConfigureAwait(false);
                    }

                    name = chunk.Name;
                    file = File.Create(Path.Combine(folder, Path.GetFileName(name)));
                }

                await file!.WriteAsync(chunk.Data, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            if (file is not null)
            {
                await file.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException exception)
        {
            LogCleanupFailed(exception, folder);
        }
        catch (UnauthorizedAccessException exception)
        {
            LogCleanupFailed(exception, folder);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The import folder {Folder} could not be deleted")]
    private partial void LogCleanupFailed(Exception exception, string folder);
}
