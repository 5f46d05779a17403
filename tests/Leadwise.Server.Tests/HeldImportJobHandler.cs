using Leadwise.Core.Jobs;
using Leadwise.Core.Progress;
using Leadwise.Server.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Leadwise.Server.Tests;

/// <summary>
/// The server's own import handler, held when it reports the end of one file (its rows written in the import's open
/// transaction) until the run is cancelled, so a test can stop the node at a known point in the middle of a real import.
/// </summary>
internal sealed class HeldImportJobHandler(ImportJobHandler import, string heldAtFile, TaskCompletionSource reached) : IJobHandler
{
    public string Kind => import.Kind;

    /// <summary>Makes this node run imports through a handler held at <paramref name="heldAtFile"/>; it runs no other kind.</summary>
    public static Action<IServiceCollection> Install(string heldAtFile, TaskCompletionSource reached) => services =>
    {
        services.RemoveAll<IJobHandler>();
        services.AddSingleton<ImportJobHandler>();
        services.AddSingleton<IJobHandler>(provider => new HeldImportJobHandler(provider.GetRequiredService<ImportJobHandler>(), heldAtFile, reached));
    };

    public Task<JobOutcome> RunAsync(Job job, IProgress<ProgressUpdate> progress, CancellationToken cancellationToken) =>
        import.RunAsync(job, new HoldingProgress(progress, heldAtFile, reached, cancellationToken), cancellationToken);

    /// <summary>Passes every update on; at the held file's last one, blocks the import until the run is cancelled, then throws as a cancelled import does.</summary>
    private sealed class HoldingProgress(IProgress<ProgressUpdate> inner, string file, TaskCompletionSource reached, CancellationToken cancellationToken) : IProgress<ProgressUpdate>
    {
        public void Report(ProgressUpdate value)
        {
            inner.Report(value);
            if (value.Stage == file && value.Done == value.Total)
            {
                reached.TrySetResult();
                cancellationToken.WaitHandle.WaitOne();
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
    }
}
