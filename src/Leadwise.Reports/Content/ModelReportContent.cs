using Leadwise.Learning.Insights;
using Leadwise.Learning.Training;
using Leadwise.Reports.Content.Messages;

namespace Leadwise.Reports.Content;

/// <summary>
/// Everything the model report shows, as plain data so any caller (the CLI, the server, a notebook) can
/// fill it. <see cref="Probabilities"/> and <see cref="Labels"/> are the chosen model's out-of-fold,
/// calibrated probabilities and the true outcomes, row for row; <see cref="PointScores"/>, when given, is
/// the rule-based point score of the same rows, drawn as a baseline on the ROC and precision–recall charts.
/// </summary>
public sealed record ModelReportContent(
    string Title,
    DateTimeOffset GeneratedAt,
    DataDescription Data,
    IReadOnlyList<ModelMetricsRow> Models,
    string ChosenModel,
    string Calibration,
    IReadOnlyList<double> Probabilities,
    IReadOnlyList<bool> Labels,
    IReadOnlyList<double>? PointScores,
    IReadOnlyList<FeatureImportance> FeatureImportance,
    IReadOnlyList<ConversionInsight> Insights,
    IReadOnlyList<string> Warnings)
{
    /// <summary>What the "Which message to send" section says when the store has no sequence model to evaluate.</summary>
    public const string NoSequenceModel = "No sequence model is promoted in this store, so there is nothing to evaluate here. Run `leadwise train`: it trains and promotes the sequence model beside the conversion model; then write the report again.";

    /// <summary>The recommendation evaluation for the "Which message to send" section; null: the section shows <see cref="MessageEvaluationMissing"/> instead.</summary>
    public MessageEvaluationContent? MessageEvaluation { get; init; }

    /// <summary>Why there is no <see cref="MessageEvaluation"/>, in words the section shows (by default: no sequence model, run <c>leadwise train</c>).</summary>
    public string MessageEvaluationMissing { get; init; } = NoSequenceModel;

    /// <summary>
    /// Content from what training found: one metrics row per trainer (the chosen one marked), the chosen
    /// model and calibration, and the training warnings. <paramref name="calibratedOutOfFold"/> are the chosen
    /// trainer's out-of-fold probabilities after its calibration. Feature importance, insights and point
    /// scores start empty; add them with <c>with { … }</c>.
    /// </summary>
    public static ModelReportContent FromTraining(
        string title,
        DateTimeOffset generatedAt,
        TrainingReport report,
        IReadOnlyList<string> featureNames,
        IReadOnlyList<double> calibratedOutOfFold,
        IReadOnlyList<bool> labels,
        string source = "")
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(featureNames);
        var rows = report.Trainers
            .Select(t => new ModelMetricsRow(t.Trainer.ToString(), t.Metrics, t.AucLow, t.AucHigh, t.Trainer == report.Chosen))
            .Append(new ModelMetricsRow($"{report.Chosen}, {report.Calibration.Chosen} calibration", report.CalibratedMetrics, double.NaN, double.NaN))
            .ToList();
        return new ModelReportContent(
            title,
            generatedAt,
            new DataDescription(report.Rows, report.Positives, featureNames, source),
            rows,
            report.Chosen.ToString(),
            report.Calibration.Chosen.ToString(),
            calibratedOutOfFold,
            labels,
            PointScores: null,
            FeatureImportance: [],
            Insights: [],
            report.Warnings);
    }
}
