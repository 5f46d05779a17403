using Leadwise.Core.Models;
using Leadwise.Core.Outreach;
using Leadwise.Core.Progress;
using Leadwise.Core.Scoring;
using Leadwise.Data.Storage;
using Leadwise.Learning.Features;
using Leadwise.Learning.Model;
using Leadwise.Learning.Registry;
using Leadwise.Scoring.Engine;

namespace Leadwise.Learning.Rescoring;

/// <summary>
/// Scores every lead of a store with the point rules and, when a conversion model is given, the model (not yet
/// invited leads as if invited at the as-of time), and stores both in one transaction: all leads get new scores or
/// none do. What <c>leadwise score</c> and the web API's score job both run.
/// </summary>
public sealed class StoreRescorer(ILeadwiseStore store, ScoringEngine engine)
{
    /// <summary>Leads scored together (in parallel by the engine) between writes.</summary>
    public const int BatchSize = 16_384;

    /// <summary>The progress stage reported after each batch (done and total in leads).</summary>
    public const string Stage = "Scoring leads";

    /// <param name="model">The conversion model and its version (the promoted one), or null for points only.</param>
    /// <param name="asOf">The time scores are as of.</param>
    /// <param name="scored">Told each lead with its point score and model score (null without a model), in lead order, before the commit.</param>
    /// <param name="progress">Leads done of all leads, after each batch.</param>
    /// <param name="cancellationToken">Cancels the run; nothing is stored then.</param>
    public Task<StoreRescoring> RescoreAsync(
        (int Version, ConversionModel Model)? model,
        DateTimeOffset asOf,
        Action<Lead, LeadScore, ModelScore?>? scored,
        IProgress<ProgressUpdate>? progress,
        CancellationToken cancellationToken) =>
        RescoreAsync(
            ServedModels<ConversionModel>.InstallWideOnly(model is { } m ? new ServedModel<ConversionModel>(m.Version, m.Model, null) : null),
            account: null, asOf, scored, progress, cancellationToken);

    /// <summary>
    /// Scores every lead of <paramref name="account"/> (of every account when null; read in SQL) with the points and with
    /// the model its account is served (<see cref="ServedModels{TModel}.For"/>: the account's own promoted model, else the
    /// install-wide one; none, points only).
    /// </summary>
    /// <param name="models">The promoted conversion models per account and install-wide.</param>
    /// <param name="account">Whose leads to score; null for every lead.</param>
    /// <param name="asOf">The time scores are as of.</param>
    /// <param name="scored">Told each lead with its point score and model score (null without a model), in lead order, before the commit.</param>
    /// <param name="progress">Leads done of all leads, after each batch.</param>
    /// <param name="cancellationToken">Cancels the run; nothing is stored then.</param>
    public async Task<StoreRescoring> RescoreAsync(
        ServedModels<ConversionModel> models,
        UserId? account,
        DateTimeOffset asOf,
        Action<Lead, LeadScore, ModelScore?>? scored,
        IProgress<ProgressUpdate>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(models);
        var messages = models.IsEmpty ? null : await CampaignMessages.ReadAsync(store, account, cancellationToken).ConfigureAwait(false);
        var total = (await store.CountAsync(account, cancellationToken).ConfigureAwait(false)).Leads;
        var pointGrades = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var modelGrades = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var reader = await LeadFactsReader.OpenAsync(store, account, cancellationToken).ConfigureAwait(false);
        var versions = new SortedSet<int>();
        await using var writer = await store.BeginWriteAsync(StoreWriteMode.BulkLoad, cancellationToken).ConfigureAwait(false);
        var batch = new List<LeadFacts>(BatchSize);
        long done = 0;
        async Task FlushAsync()
        {
            var scores = engine.ScoreAll(batch, asOf);
            var predictions = PredictPerModel(models, batch, messages, asOf);
            for (var i = 0; i < scores.Length; i++)
            {
                await writer.UpsertAsync(scores[i], cancellationToken).ConfigureAwait(false);
                Count(pointGrades, scores[i].Grade);
                ModelScore? modelScore = null;
                if (predictions[i] is var (version, prediction) && version > 0)
                {
                    modelScore = new ModelScore(batch[i].Lead.Id, version, prediction.Probability, prediction.Score, prediction.Grade, asOf);
                    await writer.UpsertAsync(modelScore, cancellationToken).ConfigureAwait(false);
                    Count(modelGrades, modelScore.Grade);
                    versions.Add(version);
                }

                scored?.Invoke(batch[i].Lead, scores[i], modelScore);
            }

            done += batch.Count;
            batch.Clear();
            progress?.Report(new ProgressUpdate(Stage, done, total));
        }

        await foreach (var facts in reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            batch.Add(facts);
            if (batch.Count == BatchSize)
            {
                await FlushAsync().ConfigureAwait(false);
            }
        }

        await FlushAsync().ConfigureAwait(false);
        await writer.CommitAsync(cancellationToken).ConfigureAwait(false);
        var reported = models.For(account)?.Version ?? (versions.Count > 0 ? versions.Min : null);
        return new StoreRescoring(done, asOf, pointGrades, reported, modelGrades) { ModelVersions = versions };
    }

    /// <summary>
    /// Each lead's prediction by the model its account is served, with that model's version (0 and no prediction
    /// without one). Leads are predicted in one call per model, as the model batches well.
    /// </summary>
    private static (int Version, ModelPrediction Prediction)[] PredictPerModel(
        ServedModels<ConversionModel> models,
        IReadOnlyList<LeadFacts> batch,
        IReadOnlyDictionary<CampaignId, IReadOnlyList<Message>>? messages,
        DateTimeOffset asOf)
    {
        var predictions = new (int Version, ModelPrediction Prediction)[batch.Count];
        if (messages is null)
        {
            return predictions;
        }

        foreach (var group in Enumerable.Range(0, batch.Count).GroupBy(i => models.For(batch[i].Campaign?.UserId)))
        {
            if (group.Key is not { } served)
            {
                continue;
            }

            var indexes = group.ToArray();
            var predicted = served.Model.PredictMany([.. indexes.Select(i => PreContactFacts.ForScoring(batch[i], messages.GetValueOrDefault(batch[i].Lead.CampaignId), asOf))]);
            for (var j = 0; j < indexes.Length; j++)
            {
                predictions[indexes[j]] = (served.Version, predicted[j]);
            }
        }

        return predictions;
    }

    private static void Count(SortedDictionary<string, long> grades, string grade) =>
        grades[grade] = grades.GetValueOrDefault(grade) + 1;
}
