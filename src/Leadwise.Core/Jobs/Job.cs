using Leadwise.Core.Progress;

namespace Leadwise.Core.Jobs;

/// <summary>
/// A long operation the web API runs in the background (an import), kept in the store so every server node on
/// the same database can answer for it. <see cref="InputJson"/> and <see cref="ResultJson"/> are the kind's own
/// JSON: the store keeps them as they are.
/// </summary>
/// <param name="Id">Chosen by the node that accepted the job (a GUID), so nodes need no shared counter.</param>
/// <param name="Kind">What the job does (<see cref="JobKinds"/>).</param>
/// <param name="State">One of <see cref="JobStates"/>.</param>
/// <param name="CreatedAt">When the job was accepted.</param>
/// <param name="StartedAt">When a node started running it; null while queued.</param>
/// <param name="FinishedAt">When it succeeded or failed; null before.</param>
/// <param name="InputJson">What the job was asked to do (for an import: its options), so a later run can repeat it.</param>
/// <param name="Progress">The last progress the running node recorded; null before the first.</param>
/// <param name="ResultJson">What the job produced (for an import: rows per file); null until it finishes.</param>
/// <param name="Errors">The problems that failed or limited it, one line each (an import's <c>file:line:column: reason</c>), capped by the job.</param>
/// <param name="Lease">Which node runs the job and until when that claim holds unless renewed; null while queued and once finished.</param>
/// <param name="Attempts">How many times a node has claimed the job: more than one means a node died (or lost its lease) while running it.</param>
public sealed record Job(
    string Id,
    string Kind,
    string State,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string InputJson,
    ProgressUpdate? Progress,
    string? ResultJson,
    IReadOnlyList<string> Errors,
    JobLease? Lease,
    int Attempts = 0)
{
    /// <summary>A job just accepted: queued, nothing recorded yet.</summary>
    public static Job Queued(string id, string kind, DateTimeOffset createdAt, string inputJson) =>
        new(id, kind, JobStates.Queued, createdAt, null, null, inputJson, null, null, [], null);

    public bool IsFinished => State is JobStates.Succeeded or JobStates.Failed;
}
