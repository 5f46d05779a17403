using System.Globalization;
using System.Net;
using System.Text;
using Leadwise.Core.Metrics;
using Leadwise.Learning.Evaluation;
using Leadwise.Reports.Charts;
using Leadwise.Reports.Content;
using Leadwise.Reports.Curves;

namespace Leadwise.Reports;

/// <summary>
/// Renders a <see cref="ModelReportContent"/> as one self-contained HTML page: inline CSS, every chart a
/// PNG embedded as a data URI, no scripts and no external address, so it opens offline and can be mailed.
/// The same content always gives the same page (the timestamp is part of the content).
/// </summary>
public static partial class HtmlModelReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The sections, in page order: anchor id and heading.</summary>
    public static readonly IReadOnlyList<(string Id, string Heading)> Sections =
    [
        ("summary", "Summary"),
        ("roc", "ROC curve"),
        ("precision-recall", "Precision–recall curve"),
        ("calibration", "Calibration"),
        ("gain", "Lift and gain"),
        ("distribution", "Score distribution by outcome"),
        ("importance", "Feature importance"),
        ("insights", "Conversion insights"),
        ("messages", "Which message to send"),
        ("warnings", "Warnings"),
    ];

    public static string Render(ModelReportContent content)
    {
        Validate(content);
        var metrics = BinaryMetrics.Compute([.. content.Probabilities], [.. content.Labels]);
        var baseRate = (double)metrics.Positives / metrics.Rows;
        double? pointsAuc = content.PointScores is null ? null : RocAuc.Compute([.. content.PointScores], [.. content.Labels]);
        double? pointsAp = content.PointScores is null ? null : ReportCurves.AveragePrecision(ReportCurves.PrecisionRecall(content.PointScores, content.Labels));
        var reliability = ReportCurves.Reliability(content.Probabilities, content.Labels);

        var html = new StringBuilder(capacity: 1 << 20);
        Head(html, content);
        html.Append("<main>\n");
        Summary(html, content, metrics, PointRulesMetrics(content));
        Figure(html, "roc", ReportCharts.Roc(content, metrics.RocAuc, pointsAuc),
            "Each point is a cut-off: leads scoring above it are flagged. The further the curve bows towards the top left, the better the ranking; the diagonal is a random order. The area under it (AUC) is the chance that a random converter scores above a random non-converter.");
        Figure(html, "precision-recall", ReportCharts.PrecisionRecall(content, metrics.PrAuc, pointsAp, baseRate),
            "Of the leads flagged at each cut-off, the share that converted (precision), against the share of all converters found (recall). With few conversions this is the more honest view: a random order stays at the base rate.");
        Figure(html, "calibration", ReportCharts.Calibration(reliability),
            "Leads grouped by predicted probability in ten equal-width bins (empty bins left out). A calibrated model's points lie on the dashed diagonal: of the leads given 20 %, about 20 % convert. Bars are 95 % Wilson intervals; n is the number of leads in the bin.",
            ReliabilityTable(reliability));
        Figure(html, "gain", ReportCharts.Gain(content, metrics.Lift, baseRate),
            "Working leads from the highest score down: the share of all conversions found after each share of leads. Circled points mark the top 5, 10 and 20 %; lift is how many times the base rate those leads convert at.");
        Figure(html, "distribution", ReportCharts.ScoreDistribution(content),
            "How the calibrated probabilities spread within each outcome, each class scaled to its own total. The less the two sets of bars overlap, the better the model separates converters from the rest.");
        Importance(html, content);
        Insights(html, content);
        Messages(html, content);
        Warnings(html, content);
        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>Writes <see cref="Render"/>'s page to <paramref name="output"/> as UTF-8.</summary>
    public static async Task WriteAsync(ModelReportContent content, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(Render(content));
        await output.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The point rules as a baseline row: their ranking metrics only (points are not probabilities, so log
    /// loss, Brier and calibration error do not apply). Scores are rescaled to [0, 1], which keeps their order.
    /// </summary>
    private static BinaryMetrics? PointRulesMetrics(ModelReportContent content)
    {
        if (content.PointScores is null)
        {
            return null;
        }

        var low = content.PointScores.Min();
        var range = content.PointScores.Max() - low;
        var rescaled = content.PointScores.Select(s => range > 0 ? (s - low) / range : 0.5).ToArray();
        var metrics = BinaryMetrics.Compute(rescaled, [.. content.Labels]);
        return metrics with
        {
            PrAuc = ReportCurves.AveragePrecision(ReportCurves.PrecisionRecall(content.PointScores, content.Labels)),
            LogLoss = double.NaN,
            Brier = double.NaN,
            CalibrationError = double.NaN,
        };
    }

    private static void Validate(ModelReportContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Probabilities.Count != content.Labels.Count || content.Probabilities.Count == 0)
        {
            throw new ArgumentException($"The report needs one label per probability and at least one row ({content.Probabilities.Count} and {content.Labels.Count}).", nameof(content));
        }

        if (content.PointScores is not null && content.PointScores.Count != content.Labels.Count)
        {
            throw new ArgumentException($"{content.PointScores.Count} point scores for {content.Labels.Count} rows.", nameof(content));
        }

        var positives = content.Labels.Count(label => label);
        if (positives == 0 || positives == content.Labels.Count)
        {
            throw new ArgumentException("The report needs both converted and unconverted rows: with one class there is no curve to draw.", nameof(content));
        }
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string F3(double value) => double.IsNaN(value) ? "–" : value.ToString("0.000", Invariant);

    private static string F1(double value) => double.IsNaN(value) ? "–" : value.ToString("0.0", Invariant);

    private static string P1(double value) => double.IsNaN(value) ? "–" : value.ToString("0.0%", Invariant);

    private static string N(int value) => value.ToString("#,0", Invariant);
}
