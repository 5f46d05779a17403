using System.Globalization;
using System.Text.Json;
using Leadwise.Core.Jobs;
using Leadwise.Core.Models;
using Leadwise.Core.Outreach;
using Leadwise.Core.Progress;
using Leadwise.Data.Storage;
using Leadwise.Learning.Features;
using Leadwise.Learning.Model;
using Leadwise.Learning.Registry;
using Leadwise.Learning.Training;
using Leadwise.Recommend.Modeling;
using Leadwise.Recommend.Registry;

namespace Leadwise.Server.Jobs;

/// <summary>
/// Trains the conversion model (<see cref="ConversionModelTrainer"/>) and the sequence model (<see cref="StoreSequenceTraining"/>)
/// on the store, as <c>leadwise train</c> does, and registers both as new versions only once both are trained, so a run
/// that stops earlier registers nothing. The versions are registered in one transaction with the job's result, so a job
/// resumed after that (its node died before marking it done) finishes with them instead of registering them twice.
/// Promotes them only when the input asks (unlike the CLI, a first version is not promoted by itself: a job posted over
/// the API changes what the servers serve only when told to).
/// </summary>
internal sealed class TrainJobHandler(ILeadwiseStore store, TimeProvider time) : IJobHandler
{
    public const string ConversionStage = "Training the conversion model";
    public const string SequenceStage = "Training the sequence model";
    public const string RegisterStage = "Registering the models";

    // A metric can be NaN (e.g. no positive among held-out rows); JSON has no NaN, so it is written as the string "NaN".
    private static readonly JsonSerializerOptions ResultOptions = new() { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public string Kind => JobKinds.Train;

    public async Task<JobOutcome> RunAsync(Job job, IProgress<ProgressUpdate> progress, CancellationToken cancellationToken)
    {
        if (job.ResultJson is { } registered)
        {
            // An earlier claim registered the versions and recorded them with the job, then its node died before the job
            // was marked done: finish with them rather than train and register them again.
            progress.Report(new ProgressUpdate(RegisterStage, 3, 3));
            return new JobOutcome(true, registered, []);
        }

        var input = TrainJobInput.Parse(job.InputJson);
        // For an account: its leads only (read in SQL), saved as its own versions, as `leadwise train --account`.
        UserId? account = input.Account is { } id ? new UserId(id) : null;
        var leads = await StoreLeads.ReadAsync(store, account, cancellationToken).ConfigureAwait(false);
        var scope = account is { } owner ? string.Create(CultureInfo.InvariantCulture, $"Account {owner.Value}: ") : string.Empty;
        var options = new ConversionTrainingOptions(input.Folds, input.Seed, TimeSplit: input.TimeSplit ? TimeSplit.DefaultTrainShare : null);
        progress.Report(new ProgressUpdate(ConversionStage, 0, 3));
        TrainedConversionModel trained;
        try
        {
            trained = await Task.Run(() => ConversionModelTrainer.Train(leads.Invited, leads.Replied, options, time.GetUtcNow(), cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        catch (NotEnoughDataException exception)
        {
            return JobOutcome.Failed($"{scope}The conversion model was not trained: {exception.Message} No model was registered.");
        }
        catch (InvalidOperationException exception) when (input.TimeSplit)
        {
            return JobOutcome.Failed($"timeSplit: {exception.Message} No model was registered.");
        }

        progress.Report(new ProgressUpdate(SequenceStage, 1, 3));
        var warnings = trained.Report.Warnings.ToList();
        HazardModel? sequence = null;
        try
        {
            sequence = await Task.Run(() => StoreSequenceTraining.Train(leads, input.Folds, input.Seed, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        catch (NotEnoughDataException exception)
        {
            warnings.Add($"Sequence model not trained: too few replies per step ({exception.Message})");
        }

        // Both trained: only now does anything reach the registry, in one transaction with the job's result, which is
        // how a later claimer knows the versions exist (see the start of RunAsync).
        progress.Report(new ProgressUpdate(RegisterStage, 2, 3));
        var conversions = new ConversionModelRegistry(store, time, account);
        var hazards = new HazardModelRegistry(store, time, account);
        List<NewModelVersion> models = [conversions.NewVersionOf(trained.Model)];
        if (sequence is not null)
        {
            models.Add(hazards.NewVersionOf(sequence));
        }

        var report = trained.Report;
        string? resultJson = null;
        var saved = await store.SaveJobModelsAsync(
            job.Id,
            job.Lease?.Owner ?? throw new InvalidOperationException($"Job {job.Id} is run without a lease."),
            models,
            input.Promote ? time.GetUtcNow() : null,
            versions => resultJson = JsonSerializer.Serialize(new
            {
                account = input.Account,
                conversion = new
                {
                    version = versions[0].Version,
                    promoted = input.Promote,
                    chosen = report.Chosen.ToString(),
                    rows = report.Rows,
                    positives = report.Positives,
                    rocAuc = report.CalibratedMetrics.RocAuc,
                    prAuc = report.CalibratedMetrics.PrAuc,
                    logLoss = report.CalibratedMetrics.LogLoss,
                },
                sequence = sequence is null ? null : new { version = versions[1].Version, promoted = input.Promote, hazardAuc = HazardModelRegistry.HeldOutAuc(sequence.Report.Hazard) },
                warnings,
            }, ResultOptions),
            cancellationToken).ConfigureAwait(false);
        if (saved is null)
        {
            // Another node holds the job now (this node stalled past its lease): nothing was registered, and the runner
            // cannot record this outcome either, because only the lease owner can; the other node's run counts.
            return JobOutcome.Failed($"The job is no longer leased to node {job.Lease.Owner}; its models were not registered.");
        }

        progress.Report(new ProgressUpdate(RegisterStage, 3, 3));
        return new JobOutcome(true, resultJson, []);
    }
}
