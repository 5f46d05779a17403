using Leadwise.Core.Metrics;
using Leadwise.Learning.Evaluation;
using Leadwise.Reports.Content;
using Leadwise.Reports.Curves;

namespace Leadwise.Reports.Charts;

/// <summary>
/// The report's charts one by one, for hosts that lay out their own page (the dashboard's model page): the same
/// PNGs and text alternatives <see cref="HtmlModelReport"/> embeds, drawn from the same content.
/// </summary>
public static class ModelReportCharts
{
    /// <summary>The model's ROC curve beside the point rules' (when the content has point scores) and chance.</summary>
    public static ChartImage Roc(ModelReportContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        double? pointsAuc = content.PointScores is null ? null : RocAuc.Compute([.. content.PointScores], [.. content.Labels]);
        return ReportCharts.Roc(content, RocAuc.Compute([.. content.Probabilities], [.. content.Labels]), pointsAuc);
    }

    /// <summary>The reliability diagram over <see cref="ReportCurves.Reliability"/>'s ten bins.</summary>
    public static ChartImage Calibration(ModelReportContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return ReportCharts.Calibration(ReportCurves.Reliability(content.Probabilities, content.Labels));
    }

    /// <summary>The cumulative gain curve with the lift at the top 5, 10 and 20 % marked.</summary>
    public static ChartImage Gain(ModelReportContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var metrics = BinaryMetrics.Compute([.. content.Probabilities], [.. content.Labels]);
        return ReportCharts.Gain(content, metrics.Lift, (double)metrics.Positives / metrics.Rows);
    }

    /// <summary>The permutation importance bars; null when the version has none measured.</summary>
    public static ChartImage? FeatureImportance(ModelReportContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return content.FeatureImportance.Count == 0 ? null : ReportCharts.FeatureImportance(content.FeatureImportance);
    }
}
