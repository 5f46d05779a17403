using System.Globalization;
using Leadwise.Core.Jobs;
using Leadwise.Core.Outreach;
using Leadwise.Data.Storage;
using Leadwise.Server.Jobs;
using Leadwise.Server.Security;

namespace Leadwise.Server.Endpoints;

/// <summary>
/// <c>POST /api/jobs/score</c> and <c>POST /api/jobs/train</c> (write key): queue a rescoring of every lead or a training
/// of both models, run by whichever node claims it (<see cref="JobRunner"/>), as <c>leadwise score</c> and
/// <c>leadwise train</c> do. Both answer 202 with <c>Location: /api/jobs/{id}</c> and the job.
/// </summary>
internal static class JobEndpoints
{
    public static void Map(WebApplication app)
    {
        var api = app.MapGroup("/api/jobs").RequireAuthorization(LeadwisePolicies.Write).WithTags("Jobs");
        api.MapPost("/score", ScoreAsync)
            .Produces<JobView>(StatusCodes.Status202Accepted)
            .WithSummary("Rescore every lead with the point rules and the promoted conversion model, as a background job");
        api.MapPost("/train", TrainAsync)
            .Produces<JobView>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .WithSummary("Train the conversion and sequence models and register them as new versions (promoted with promote=true), as a background job");
    }

    private static Task<IResult> ScoreAsync(ScoreJobRequest? request, ILeadwiseStore store, JobWakeUp wakeUp, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return QueueAsync(store, wakeUp, Job.Queued(NewId(), JobKinds.Score, now, new ScoreJobInput(request?.AsOf ?? now).ToJson()), cancellationToken);
    }

    private static async Task<IResult> TrainAsync(TrainJobRequest? request, ILeadwiseStore store, JobWakeUp wakeUp, TimeProvider time, CancellationToken cancellationToken)
    {
        var input = new TrainJobInput(request?.Folds ?? 5, request?.Seed ?? 0, request?.Promote ?? false, request?.TimeSplit ?? false, request?.Account);
        if (input.Folds is < 2 or > TrainJobInput.MaxFolds)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["folds"] = [string.Create(CultureInfo.InvariantCulture, $"Expected 2 to {TrainJobInput.MaxFolds} cross-validation folds, got {input.Folds}.")] },
                title: "The training job cannot be run as asked");
        }

        if (input.Account is { } account && !await store.ReadUsersAsync(new UserId(account), cancellationToken).AnyAsync(cancellationToken))
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["account"] = [string.Create(CultureInfo.InvariantCulture, $"There is no account (user) {account} in the store.")] },
                title: "The training job cannot be run as asked");
        }

        return await QueueAsync(store, wakeUp, Job.Queued(NewId(), JobKinds.Train, time.GetUtcNow(), input.ToJson()), cancellationToken);
    }

    private static async Task<IResult> QueueAsync(ILeadwiseStore store, JobWakeUp wakeUp, Job job, CancellationToken cancellationToken)
    {
        await store.CreateJobAsync(job, cancellationToken);
        wakeUp.Wake();
        return TypedResults.Accepted($"/api/jobs/{job.Id}", JobView.From(job, null));
    }

    private static string NewId() => Guid.NewGuid().ToString("N");
}
