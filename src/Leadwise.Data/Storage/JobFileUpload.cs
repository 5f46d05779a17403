namespace Leadwise.Data.Storage;

/// <summary>
/// One file a job needs (an import's <c>Leads.csv</c>), handed to <see cref="ILeadwiseStore.CreateJobAsync(Core.Jobs.Job, IReadOnlyList{JobFileUpload}, CancellationToken)"/>:
/// the store reads <paramref name="Content"/> to its end into <see cref="JobFileChunk"/> rows, in the job's own transaction.
/// </summary>
/// <param name="Name">The file's name, unique within the job.</param>
/// <param name="Content">Read from where it is to its end; the caller disposes it.</param>
public sealed record JobFileUpload(string Name, Stream Content);
