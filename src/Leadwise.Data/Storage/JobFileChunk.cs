namespace Leadwise.Data.Storage;

/// <summary>
/// A piece of a job's file as the store keeps it (table <c>job_files</c>): files are cut into chunks of at most
/// <see cref="MaxBytes"/>, so no row (and no single value a driver has to hold) grows with the upload.
/// </summary>
/// <param name="JobId">The job the file belongs to.</param>
/// <param name="Name">The file's name within the job.</param>
/// <param name="Index">0-based position of this chunk in the file.</param>
/// <param name="Data">The chunk's bytes.</param>
public sealed record JobFileChunk(string JobId, string Name, int Index, ReadOnlyMemory<byte> Data)
{
    /// <summary>The largest chunk the stores write: 1 MiB.</summary>
    public const int MaxBytes = 1 << 20;

    /// <summary>Reads a stream to its end in chunks of <see cref="MaxBytes"/> (only the last may be shorter; an empty file is one empty chunk, so it is still there).</summary>
    public static async IAsyncEnumerable<JobFileChunk> ReadAsync(string jobId, JobFileUpload file, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        var index = 0;
        while (true)
        {
            var buffer = new byte[MaxBytes];
            var filled = 0;
            int read;
            while (filled < buffer.Length && (read = await file.Content.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false)) > 0)
            {
                filled += read;
            }

            if (filled > 0 || index == 0)
            {
                yield return new JobFileChunk(jobId, file.Name, index++, buffer.AsMemory(0, filled));
            }

            if (filled < buffer.Length)
            {
                yield break;
            }
        }
    }
}
