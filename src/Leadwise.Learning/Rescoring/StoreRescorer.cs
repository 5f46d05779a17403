using Leadwise.Core.Models;
using Leadwise.Core.Outreach;
using Leadwise.Core.Progress;
using Leadwise.Core.Scoring;
using Leadwise.Data.Storage;
using Leadwise.Learning.Features;
using Leadwise.Learning.Model;
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
    public async Task<StoreRescoring> RescoreAsync(
        (int Version, ConversionModel Model)? model,
        DateTimeOffset asOf,
        Action<Lead, LeadScore, ModelScore?>? scored,
        IProgress<ProgressUpdate>? progress,
        CancellationToken cancellationToken)
    {
        var messages = model is null ? null : await CampaignMessages.ReadAsync(store, cancellationToken).ConfigureAwait(false);
        var total = (await store.CountAsync(cancellationToken).ConfigureAwait(false)).Leads;
        var pointGrades = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var modelGrades = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var reader = await LeadFactsReader.OpenAsync(store, cancellationToken).ConfigureAwait(false);
        await using var writer = await store.BeginWriteAsync(StoreWriteMode.BulkLoad, cancellationToken).ConfigureAwait(false);
        var batch = new List<LeadFacts>(BatchSize);
        long done = 0;
        async Task FlushAsync()
        {
            var scores = engine.ScoreAll(batch, asOf);
            var predictions = model is { } m
                ? m.Model.PredictMany([.. batch.Select(facts => PreContactFacts.ForScoring(facts, messages!.GetValueOrDefault(facts.Lead.CampaignId), asOf))])
                : null;
            for (var i = 0; i < scores.Length; i++)
            {
                await writer.UpsertAsync(scores[i], cancellationToken).ConfigureAwait(false);
                Count(pointGrades, scores[i].Grade);
                ModelScore? modelScore = null;
                if (predictions is not null)
                {
                    var prediction = predictions[i];
                    modelScore = new ModelScore(batch[i].Lead.Id, model!.Value.Version, prediction.Probability, prediction.Score, prediction.Grade, asOf);
                    await writer.UpsertAsync(modelScore, cancellationToken).ConfigureAwait(false);
                    Count(modelGrades, modelScore.Grade);
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
        return new StoreRescoring(done, asOf, pointGrades, model?.Version, modelGrades);
    }

    private static void Count(SortedDictionary<string, long> grades, string grade) =>
        grades[grade] = grades.GetValueOrDefault(grade) + 1;
}
