using Leadwise.Core.Jobs;
using Leadwise.Core.Progress;

namespace Leadwise.Server.Jobs;

/// <summary>
/// Runs one kind of job (<see cref="JobKinds"/>) for <see cref="JobRunner"/>. A run is all-or-nothing: it writes its
/// result in one transaction at the end (or registers its models only at the end), so a run cancelled because the node
/// stops or lost its lease leaves nothing behind, and the next claimer runs the job again from the start.
/// </summary>
internal interface IJobHandler
{
    string Kind { get; }

    Task<JobOutcome> RunAsync(Job job, IProgress<ProgressUpdate> progress, CancellationToken cancellationToken);
}
