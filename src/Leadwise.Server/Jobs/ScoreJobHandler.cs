using System.Text.Json;
using Leadwise.Core.Jobs;
using Leadwise.Core.Progress;
using Leadwise.Data.Storage;
using Leadwise.Learning.Registry;
using Leadwise.Learning.Rescoring;
using Leadwise.Scoring.Engine;

namespace Leadwise.Server.Jobs;

/// <summary>
/// Rescores every lead with the server's point rules and the promoted conversion models (per account) through <see cref="StoreRescorer"/>,
/// what <c>leadwise score</c> runs: all scores in one transaction. The result counts leads per grade.
/// </summary>
internal sealed class ScoreJobHandler(ILeadwiseStore store, ScoringEngine engine, TimeProvider time) : IJobHandler
{
    public string Kind => JobKinds.Score;

    public async Task<JobOutcome> RunAsync(Job job, IProgress<ProgressUpdate> progress, CancellationToken cancellationToken)
    {
        var input = ScoreJobInput.Parse(job.InputJson);
        // Each lead with its account's own promoted model when it has one, else the install-wide one, as `leadwise score`.
        var served = await new ConversionModelRegistry(store, time).LoadServedAsync(null, cancellationToken).ConfigureAwait(false);
        var rescored = await new StoreRescorer(store, engine).RescoreAsync(served, null, input.AsOf, null, progress, cancellationToken).ConfigureAwait(false);
        var result = new
        {
            leads = rescored.Leads,
            asOf = rescored.AsOf,
            pointGrades = rescored.PointGrades,
            modelVersion = rescored.ModelVersion,
            modelGrades = rescored.ModelGrades,
        };
        return new JobOutcome(true, JsonSerializer.Serialize(result), []);
    }
}
