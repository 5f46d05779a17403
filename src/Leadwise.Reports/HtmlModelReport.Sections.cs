using System.Text;
using Leadwise.Learning.Evaluation;
using Leadwise.Reports.Charts;
using Leadwise.Reports.Content;
using Leadwise.Reports.Curves;

namespace Leadwise.Reports;

public static partial class HtmlModelReport
{
    private static void Head(StringBuilder html, ModelReportContent content)
    {
        var title = Encode(content.Title);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append(Invariant, $"<title>{title}</title>\n<style>\n{Stylesheet}</style>\n</head>\n<body>\n<header>\n<h1>{title}</h1>\n")
            .Append(Invariant, $"<p class=\"meta\">Generated <time datetime=\"{content.GeneratedAt.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}\">{content.GeneratedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC</time>");
        if (content.Data.Source.Length > 0)
        {
            html.Append(Invariant, $" from {Encode(content.Data.Source)}");
        }

        html.Append(Invariant, $". {N(content.Data.Rows)} leads, {N(content.Data.Positives)} converted, {N(content.Data.Features.Count)} features.</p>\n<nav aria-label=\"Sections\"><ul>\n");
        foreach (var (id, heading) in Sections)
        {
            html.Append(Invariant, $"<li><a href=\"#{id}\">{Encode(heading)}</a></li>\n");
        }

        html.Append("</ul></nav>\n</header>\n");
    }

    private static void Summary(StringBuilder html, ModelReportContent content, BinaryMetrics metrics, BinaryMetrics? pointRules)
    {
        var top10 = metrics.Lift.FirstOrDefault(l => Math.Abs(l.Share - 0.10) < 1e-9);
        var best = metrics.BestF1;
        html.Append("<section id=\"summary\">\n<h2>Summary</h2>\n<dl class=\"facts\">\n")
            .Append(Invariant, $"<div><dt>Chosen model</dt><dd>{Encode(content.ChosenModel)}</dd></div>\n")
            .Append(Invariant, $"<div><dt>Calibration</dt><dd>{Encode(content.Calibration)}</dd></div>\n")
            .Append(Invariant, $"<div><dt>ROC AUC</dt><dd>{F3(metrics.RocAuc)}{(pointRules is null ? string.Empty : $" (point rules {F3(pointRules.RocAuc)})")}</dd></div>\n")
            .Append(Invariant, $"<div><dt>PR AUC (average precision)</dt><dd>{F3(metrics.PrAuc)}</dd></div>\n")
            .Append(Invariant, $"<div><dt>Base rate</dt><dd>{P1((double)metrics.Positives / metrics.Rows)}</dd></div>\n");
        if (top10 is not null)
        {
            html.Append(Invariant, $"<div><dt>Top 10 % of leads</dt><dd>{P1(top10.Gain)} of conversions, lift ×{F1(top10.Lift)}</dd></div>\n");
        }

        html.Append(Invariant, $"<div><dt>Brier / log loss / ECE</dt><dd>{F3(metrics.Brier)} / {F3(metrics.LogLoss)} / {F3(metrics.CalibrationError)}</dd></div>\n")
            .Append(Invariant, $"<div><dt>Best-F1 cut-off</dt><dd>p ≥ {F3(best.Threshold)}: F1 {F3(best.F1)}</dd></div>\n")
            .Append("</dl>\n");

        html.Append(Invariant, $"<p>At the best-F1 cut-off the chosen model flags {N(best.TruePositives + best.FalsePositives)} of {N(metrics.Rows)} leads:</p>\n")
            .Append("<div class=\"scroll\"><table class=\"confusion\"><caption>Confusion matrix at the best-F1 cut-off (out-of-fold, calibrated)</caption>\n")
            .Append("<thead><tr><th scope=\"col\"></th><th scope=\"col\">Converted</th><th scope=\"col\">Not converted</th></tr></thead>\n<tbody>\n")
            .Append(Invariant, $"<tr><th scope=\"row\">Flagged</th><td>{N(best.TruePositives)} (true positives)</td><td>{N(best.FalsePositives)} (false positives)</td></tr>\n")
            .Append(Invariant, $"<tr><th scope=\"row\">Not flagged</th><td>{N(best.FalseNegatives)} (false negatives)</td><td>{N(best.TrueNegatives)} (true negatives)</td></tr>\n")
            .Append("</tbody></table></div>\n");

        html.Append("<div class=\"scroll\"><table class=\"metrics\"><caption>Out-of-fold metrics per model (cross-validated; AUC with its 95 % bootstrap interval)</caption>\n<thead><tr>")
            .Append("<th scope=\"col\">Model</th><th scope=\"col\">ROC AUC (95 % CI)</th><th scope=\"col\">PR AUC</th><th scope=\"col\">Log loss</th><th scope=\"col\">Brier</th><th scope=\"col\">ECE</th>");
        foreach (var share in BinaryMetrics.TopShares)
        {
            html.Append(Invariant, $"<th scope=\"col\">Lift top {share:0%}</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        var rows = pointRules is null ? content.Models : [.. content.Models, new ModelMetricsRow("Point rules (baseline)", pointRules, double.NaN, double.NaN)];
        foreach (var row in rows)
        {
            var interval = double.IsNaN(row.AucLow) ? string.Empty : $" ({F3(row.AucLow)}–{F3(row.AucHigh)})";
            var name = Encode(row.Name) + (row.Chosen ? " <strong>(chosen)</strong>" : string.Empty);
            html.Append(Invariant, $"<tr{(row.Chosen ? " class=\"chosen\"" : string.Empty)}><th scope=\"row\">{name}</th><td>{F3(row.Metrics.RocAuc)}{interval}</td><td>{F3(row.Metrics.PrAuc)}</td><td>{F3(row.Metrics.LogLoss)}</td><td>{F3(row.Metrics.Brier)}</td><td>{F3(row.Metrics.CalibrationError)}</td>");
            foreach (var share in BinaryMetrics.TopShares)
            {
                var lift = row.Metrics.Lift.FirstOrDefault(l => Math.Abs(l.Share - share) < 1e-9);
                html.Append(Invariant, $"<td>{(lift is null ? "–" : "×" + F1(lift.Lift))}</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody></table></div>\n</section>\n");
    }

    private static void Figure(StringBuilder html, string id, ChartImage chart, string howToRead, string? details = null)
    {
        var heading = Sections.First(s => s.Id == id).Heading;
        html.Append(Invariant, $"<section id=\"{id}\">\n<h2>{Encode(heading)}</h2>\n<figure>\n")
            .Append(Invariant, $"<img src=\"{chart.DataUri}\" width=\"{chart.Width}\" height=\"{chart.Height}\" alt=\"{Encode(chart.Alt)}\">\n")
            .Append(Invariant, $"<figcaption>{Encode(chart.Alt)} {Encode(howToRead)}</figcaption>\n</figure>\n");
        if (details is not null)
        {
            html.Append(details);
        }

        html.Append("</section>\n");
    }

    private static string ReliabilityTable(IReadOnlyList<ReliabilityBin> bins)
    {
        var table = new StringBuilder("<details><summary>Bin counts and rates</summary>\n<div class=\"scroll\"><table><thead><tr><th scope=\"col\">Predicted</th><th scope=\"col\">Leads</th><th scope=\"col\">Converted</th><th scope=\"col\">Mean predicted</th><th scope=\"col\">Observed (95 % CI)</th></tr></thead>\n<tbody>\n");
        foreach (var bin in bins)
        {
            table.Append(Invariant, $"<tr><th scope=\"row\">{bin.Low:0.0}–{bin.High:0.0}</th><td>{N(bin.Count)}</td><td>{N(bin.Converted)}</td><td>{P1(bin.MeanPredicted)}</td><td>{P1(bin.ObservedRate)} ({P1(bin.ObservedLow)}–{P1(bin.ObservedHigh)})</td></tr>\n");
        }

        return table.Append("</tbody></table></div></details>\n").ToString();
    }

    private static void Importance(StringBuilder html, ModelReportContent content)
    {
        if (content.FeatureImportance.Count == 0)
        {
            html.Append("<section id=\"importance\">\n<h2>Feature importance</h2>\n<p class=\"empty\">No feature importance was computed for this report.</p>\n</section>\n");
            return;
        }

        Figure(html, "importance", ReportCharts.FeatureImportance(content.FeatureImportance),
            "How much worse the model ranks (ROC AUC) when one feature's information is taken away, most important first; the whisker is one standard deviation over repeats. Near zero or negative: the model does not rely on it.");
    }

    private static void Insights(StringBuilder html, ModelReportContent content)
    {
        html.Append("<section id=\"insights\">\n<h2>Conversion insights</h2>\n");
        if (content.Insights.Count == 0)
        {
            html.Append("<p class=\"empty\">No conversion insights were computed for this report.</p>\n</section>\n");
            return;
        }

        html.Append("<p>Conversion rate per attribute value, with its 95 % Wilson interval and its lift over the overall rate. A ▲ marks values whose whole interval lies above the overall rate, a ▼ those wholly below it.</p>\n")
            .Append("<div class=\"scroll\"><table class=\"insights\"><thead><tr><th scope=\"col\">Attribute</th><th scope=\"col\">Value</th><th scope=\"col\">Leads</th><th scope=\"col\">Converted</th><th scope=\"col\">Rate (95 % CI)</th><th scope=\"col\">Lift</th></tr></thead>\n<tbody>\n");
        var overall = (double)content.Labels.Count(label => label) / content.Labels.Count;
        foreach (var insight in content.Insights)
        {
            var mark = insight.Interval.Low > overall ? " ▲" : insight.Interval.High < overall ? " ▼" : string.Empty;
            html.Append(Invariant, $"<tr><th scope=\"row\">{Encode(insight.Attribute)}</th><td>{Encode(insight.Value)}</td><td>{N(insight.Leads)}</td><td>{N(insight.Converted)}</td><td>{P1(insight.Rate)} ({P1(insight.Interval.Low)}–{P1(insight.Interval.High)})</td><td>×{F1(insight.Lift)}{mark}</td></tr>\n");
        }

        html.Append("</tbody></table></div>\n</section>\n");
    }

    private static void Warnings(StringBuilder html, ModelReportContent content)
    {
        html.Append("<section id=\"warnings\">\n<h2>Warnings</h2>\n");
        if (content.Warnings.Count == 0)
        {
            html.Append("<p class=\"empty\">None.</p>\n");
        }
        else
        {
            html.Append("<ul class=\"warnings\">\n");
            foreach (var warning in content.Warnings)
            {
                html.Append(Invariant, $"<li><strong>Warning:</strong> {Encode(warning)}</li>\n");
            }

            html.Append("</ul>\n");
        }

        html.Append("</section>\n");
    }
}
