using System.Globalization;
using Leadwise.Data.Storage;
using Leadwise.Learning.Evaluation;
using Leadwise.Learning.Features;
using Leadwise.Learning.Insights;
using Leadwise.Learning.Model;
using Leadwise.Learning.Registry;
using Leadwise.Scoring.Reports;
using Leadwise.Scoring.Rules;

namespace Leadwise.Reports.Content;

/// <summary>
/// Fills a <see cref="ModelReportContent"/> for one saved conversion model version from the store — its card, the
/// out-of-fold probabilities saved with it, the built-in point rules' scores of the same leads as the baseline, and
/// the store's conversion insights — so <c>leadwise report</c> and the dashboard's model page show the same numbers.
/// </summary>
public static class StoredModelReport
{
    private const int InsightsPerSide = 12;

    /// <summary>Loads the version and reads the store's leads; a version that is missing or not a conversion model is a <see cref="ModelRegistryException"/>.</summary>
    public static async Task<ModelReportContent> ReadAsync(ILeadwiseStore store, int version, DateTimeOffset generatedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var model = await new ConversionModelRegistry(store, TimeProvider.System).LoadAsync(version, cancellationToken).ConfigureAwait(false);
        var leads = await StoreLeads.ReadAsync(store, cancellationToken).ConfigureAwait(false);
        return Build(version, model, leads, store.Description, generatedAt);
    }

    /// <summary>The content for a loaded model over the given leads; <paramref name="source"/> names the store.</summary>
    public static ModelReportContent Build(int version, ConversionModel model, StoreLeads leads, string source, DateTimeOffset generatedAt)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(leads);
        var card = model.Card;
        var points = RankingEvaluation.TotalsBeforeContact(RulesLoader.LoadDefault(), leads.All);
        var pointScores = model.HeldOutLeads.Select(id => points.GetValueOrDefault(id)).ToList();
        var labels = model.HeldOutLabels.ToArray();
        var rows = card.Trainers
            .Select(t => new ModelMetricsRow(t.Trainer, t.Metrics, t.AucLow, t.AucHigh, t.Trainer == card.Trainer))
            .Append(new ModelMetricsRow($"{card.Trainer}, {card.Calibration} calibration (scores use this)", BinaryMetrics.Compute([.. model.HeldOutProbabilities], labels), card.Metrics.RocAucLow, card.Metrics.RocAucHigh))
            .ToList();
        var insights = leads.Invited.Count == 0 ? null : ConversionInsights.ForLeads(leads.Invited, leads.Replied);
        return new ModelReportContent(
            string.Create(CultureInfo.InvariantCulture, $"Conversion model, version {version}"),
            generatedAt,
            new DataDescription(card.Rows, card.Positives, card.FeatureNames,
                string.Create(CultureInfo.InvariantCulture, $"{source}; trained {card.TrainedAt:yyyy-MM-dd HH:mm} UTC, {card.Folds}-fold cross-validation, seed {card.Seed}, data fingerprint {card.DataFingerprint}")),
            rows,
            card.Trainer,
            card.Calibration,
            model.HeldOutProbabilities,
            labels,
            pointScores,
            [.. card.Importance.Select(i => new FeatureImportance(i.Group, i.MeanAucDrop, i.StandardDeviation))],
            insights is null ? [] : [.. insights.MoreLikely.Take(InsightsPerSide).Concat(insights.LessLikely.Take(InsightsPerSide))],
            card.Warnings);
    }
}
