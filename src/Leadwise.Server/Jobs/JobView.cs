using System.Text.Json;
using Leadwise.Core.Jobs;
using Leadwise.Core.Progress;

namespace Leadwise.Server.Jobs;

/// <summary>A job as the API answers it (<c>GET /api/jobs/{id}</c>, and the 202 of <c>POST /api/import</c>).</summary>
internal sealed record JobView(
    string Id,
    string Kind,
    string State,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    JsonElement Input,
    JobProgressView? Progress,
    JsonElement? Result,
    IReadOnlyList<string> Errors,
    string? Node,
    DateTimeOffset? LeaseExpiresAt)
{
    /// <summary>The stored job; while it runs on this node, with the progress the importer reported last (fresher than the store's).</summary>
    public static JobView From(Job job, ProgressUpdate? liveProgress)
    {
        var progress = liveProgress ?? job.Progress;
        return new JobView(
            job.Id,
            job.Kind,
            job.State,
            job.CreatedAt,
            job.StartedAt,
            job.FinishedAt,
            JsonDocument.Parse(job.InputJson).RootElement.Clone(),
            progress is null ? null : new JobProgressView(progress.Stage, progress.Done, progress.Total),
            job.ResultJson is null ? null : JsonDocument.Parse(job.ResultJson).RootElement.Clone(),
            job.Errors,
            job.Lease?.Owner,
            job.Lease?.ExpiresAt);
    }
}

/// <summary>How far a job is: the stage (for an import, the file being read), bytes done and the total (null when unknown).</summary>
internal sealed record JobProgressView(string Stage, long Done, long? Total);
