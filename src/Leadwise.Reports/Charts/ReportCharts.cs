using System.Globalization;
using Leadwise.Reports.Content;
using Leadwise.Reports.Curves;
using ScottPlot;

namespace Leadwise.Reports.Charts;

/// <summary>Draws the report's charts from its content with ScottPlot; each comes back as a PNG with a text alternative.</summary>
internal static class ReportCharts
{
    /// <summary>A bin of fewer leads is too noisy to be named as the worst-calibrated one.</summary>
    private const int MinimumBinForGap = 30;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static ChartImage Roc(ModelReportContent content, double modelAuc, double? pointsAuc)
    {
        var plot = ChartStyle.NewPlot("False-positive rate (share of non-converters flagged)", "True-positive rate (share of converters found)");
        AddDiagonal(plot, "Chance (AUC 0.500)");
        ChartStyle.AddCurve(plot, ReportCurves.Roc(content.Probabilities, content.Labels), $"Model (AUC {F3(modelAuc)})", ChartStyle.Model, LinePattern.Solid, MarkerShape.FilledCircle);
        if (content.PointScores is not null && pointsAuc is not null)
        {
            ChartStyle.AddCurve(plot, ReportCurves.Roc(content.PointScores, content.Labels), $"Point rules (AUC {F3(pointsAuc.Value)})", ChartStyle.Baseline, LinePattern.Dashed, MarkerShape.OpenTriangleUp);
        }

        plot.Axes.SetLimits(0, 1, 0, 1.02);
        plot.ShowLegend(Alignment.LowerRight);
        var alt = $"ROC curve: the model's AUC is {F3(modelAuc)}" + (pointsAuc is null ? "" : $", the point rules' {F3(pointsAuc.Value)}") + "; chance is 0.500.";
        return ChartStyle.Render(plot, alt);
    }

    public static ChartImage PrecisionRecall(ModelReportContent content, double modelAveragePrecision, double? pointsAveragePrecision, double baseRate)
    {
        var plot = ChartStyle.NewPlot("Recall (share of converters found)", "Precision (share of flagged leads that convert)");
        plot.Add.HorizontalLine(baseRate, 2, ChartStyle.Reference, LinePattern.Dotted);
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = $"Random (base rate {P1(baseRate)})", LineColor = ChartStyle.Reference, LineWidth = 2, LinePattern = LinePattern.Dotted });
        ChartStyle.AddCurve(plot, ReportCurves.PrecisionRecall(content.Probabilities, content.Labels), $"Model (AP {F3(modelAveragePrecision)})", ChartStyle.Model, LinePattern.Solid, MarkerShape.FilledCircle);
        if (content.PointScores is not null && pointsAveragePrecision is not null)
        {
            ChartStyle.AddCurve(plot, ReportCurves.PrecisionRecall(content.PointScores, content.Labels), $"Point rules (AP {F3(pointsAveragePrecision.Value)})", ChartStyle.Baseline, LinePattern.Dashed, MarkerShape.OpenTriangleUp);
        }

        plot.Axes.SetLimits(0, 1, 0, 1.02);
        plot.ShowLegend(Alignment.UpperRight);
        return ChartStyle.Render(plot, $"Precision–recall curve: the model's average precision is {F3(modelAveragePrecision)} against a base rate of {P1(baseRate)}.");
    }

    public static ChartImage Calibration(IReadOnlyList<ReliabilityBin> bins)
    {
        var plot = ChartStyle.NewPlot("Mean predicted probability in the bin", "Observed conversion rate in the bin");
        var top = Math.Min(1, Math.Max(0.05, bins.Max(b => Math.Max(b.ObservedHigh, b.MeanPredicted)) * 1.1));
        var diagonal = plot.Add.Line(0, 0, top, top);
        diagonal.LineColor = ChartStyle.Reference;
        diagonal.LinePattern = LinePattern.Dashed;
        diagonal.LineWidth = 1.5f;
        var xs = bins.Select(b => b.MeanPredicted).ToArray();
        var ys = bins.Select(b => b.ObservedRate).ToArray();
        var errors = plot.Add.ErrorBar(xs, ys, [.. bins.Select(b => b.ObservedHigh - b.ObservedRate)]);
        errors.YErrorNegative = [.. bins.Select(b => b.ObservedRate - b.ObservedLow)];
        errors.Color = ChartStyle.Model;
        errors.LineWidth = 1.5f;
        var points = plot.Add.ScatterLine(xs, ys, ChartStyle.Model);
        points.LineWidth = 2;
        points.MarkerShape = MarkerShape.FilledSquare;
        points.MarkerSize = 9;
        foreach (var bin in bins)
        {
            var label = plot.Add.Text("n=" + bin.Count.ToString(Invariant), bin.MeanPredicted, bin.ObservedHigh);
            label.LabelStyle.FontSize = 11;
            label.LabelStyle.ForeColor = Colors.Black;
            label.Alignment = Alignment.LowerCenter;
            label.OffsetY = -2;
        }

        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "Perfectly calibrated", LineColor = ChartStyle.Reference, LineWidth = 1.5f, LinePattern = LinePattern.Dashed });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "Observed rate, 95% interval (n = leads in bin)", LineColor = ChartStyle.Model, LineWidth = 2, MarkerShape = MarkerShape.FilledSquare, MarkerColor = ChartStyle.Model, MarkerSize = 9 });
        plot.Axes.SetLimits(0, top, 0, top * 1.08);
        plot.ShowLegend(Alignment.UpperLeft);
        var judged = bins.Where(b => b.Count >= MinimumBinForGap).ToList();
        var worst = (judged.Count > 0 ? judged : bins).MaxBy(b => Math.Abs(b.MeanPredicted - b.ObservedRate))!;
        return ChartStyle.Render(plot, $"Reliability diagram over {bins.Count} probability bins; the largest gap (among bins of {MinimumBinForGap}+ leads) is in the bin {F2(worst.Low)}–{F2(worst.High)}: predicted {P1(worst.MeanPredicted)}, observed {P1(worst.ObservedRate)} of {worst.Count.ToString(Invariant)} leads.");
    }

    public static ChartImage Gain(ModelReportContent content, IReadOnlyList<Learning.Evaluation.LiftAt> lift, double baseRate)
    {
        var plot = ChartStyle.NewPlot("Share of leads worked, best scores first", "Share of all conversions found");
        AddDiagonal(plot, "Random order");
        var perfect = new List<CurvePoint> { new(0, 0), new(baseRate, 1), new(1, 1) };
        ChartStyle.AddCurve(plot, perfect, "Perfect ranking", ChartStyle.Accent, LinePattern.Dashed, MarkerShape.OpenDiamond, markers: 3);
        ChartStyle.AddCurve(plot, ReportCurves.Gain(content.Probabilities, content.Labels), "Model", ChartStyle.Model, LinePattern.Solid, MarkerShape.FilledCircle);
        foreach (var at in lift)
        {
            var marker = plot.Add.Marker(at.Share, at.Gain, MarkerShape.OpenCircle, 16, Colors.Black);
            marker.LineWidth = 2;
            var text = plot.Add.Text($"top {P0(at.Share)}: {P0(at.Gain)} found, lift ×{F1(at.Lift)}", at.Share, at.Gain);
            text.LabelStyle.FontSize = 12;
            text.LabelStyle.ForeColor = Colors.Black;
            text.LabelStyle.BackgroundColor = Colors.White.WithAlpha(0.85);
            text.Alignment = Alignment.UpperLeft;
            text.OffsetX = 10;
            text.OffsetY = 4;
        }

        plot.Axes.SetLimits(0, 1, 0, 1.02);
        plot.ShowLegend(Alignment.LowerRight);
        var summary = string.Join("; ", lift.Select(at => $"top {P0(at.Share)} of leads hold {P0(at.Gain)} of conversions (lift {F1(at.Lift)})"));
        return ChartStyle.Render(plot, $"Cumulative gain curve: {summary}.");
    }

    public static ChartImage ScoreDistribution(ModelReportContent content, int bins = 20)
    {
        var plot = ChartStyle.NewPlot("Calibrated probability of converting", "Share of the class's leads");
        var high = Math.Max(0.05, content.Probabilities.Max());
        high = Math.Min(1, Math.Ceiling(high * 20) / 20);
        var converted = ReportCurves.Histogram(content.Probabilities.Where((_, i) => content.Labels[i]), 0, high, bins);
        var notConverted = ReportCurves.Histogram(content.Probabilities.Where((_, i) => !content.Labels[i]), 0, high, bins);
        var width = high / bins;
        var bars = new List<Bar>();
        for (var b = 0; b < bins; b++)
        {
            bars.Add(new Bar { Position = notConverted[b].Low + (width * 0.28), Value = notConverted[b].Share, Size = width * 0.42, FillColor = Colors.Gray.WithAlpha(0.5), LineColor = Colors.Black, LineWidth = 1 });
            bars.Add(new Bar { Position = converted[b].Low + (width * 0.72), Value = converted[b].Share, Size = width * 0.42, FillColor = ChartStyle.Model.WithAlpha(0.35), FillHatchColor = ChartStyle.Model, FillHatch = new ScottPlot.Hatches.Striped(), LineColor = ChartStyle.Model, LineWidth = 1 });
        }

        plot.Add.Bars(bars);
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = $"Not converted (n={content.Labels.Count(l => !l).ToString(Invariant)}), plain grey, left of each pair", FillColor = Colors.Gray.WithAlpha(0.5), OutlineColor = Colors.Black, OutlineWidth = 1 });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = $"Converted (n={content.Labels.Count(l => l).ToString(Invariant)}), striped blue, right of each pair", FillColor = ChartStyle.Model.WithAlpha(0.35), FillHatchColor = ChartStyle.Model, FillHatch = new ScottPlot.Hatches.Striped(), OutlineColor = ChartStyle.Model, OutlineWidth = 1 });
        plot.Axes.SetLimits(0, high, 0, Math.Max(converted.Max(b => b.Share), notConverted.Max(b => b.Share)) * 1.1);
        plot.ShowLegend(Alignment.UpperRight);
        var medianConverted = Median(content.Probabilities.Where((_, i) => content.Labels[i]));
        var medianOther = Median(content.Probabilities.Where((_, i) => !content.Labels[i]));
        return ChartStyle.Render(plot, $"Histograms of calibrated probability per class: the median converted lead has {P1(medianConverted)}, the median non-converted lead {P1(medianOther)}.");
    }

    public static ChartImage FeatureImportance(IReadOnlyList<FeatureImportance> features)
    {
        var plot = ChartStyle.NewPlot("Drop in ROC AUC when the feature is taken away (mean ± sd)", string.Empty);
        var ordered = features.OrderByDescending(f => f.MeanAucDrop).ThenBy(f => f.Feature, StringComparer.Ordinal).ToList();
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        var bars = new List<Bar>();
        for (var i = 0; i < ordered.Count; i++)
        {
            var position = ordered.Count - 1 - i; // the most important on top
            var feature = ordered[i];
            bars.Add(new Bar
            {
                Position = position,
                Value = feature.MeanAucDrop,
                Error = feature.StandardDeviation,
                Size = 0.7,
                FillColor = ChartStyle.Model.WithAlpha(0.6),
                LineColor = ChartStyle.Model,
                LineWidth = 1,
            });
            ticks.AddMajor(position, feature.Feature);
            var label = plot.Add.Text($"{F3(feature.MeanAucDrop)} ± {F3(feature.StandardDeviation)}", Math.Max(0, feature.MeanAucDrop + feature.StandardDeviation), position);
            label.LabelStyle.FontSize = 12;
            label.LabelStyle.ForeColor = Colors.Black;
            label.Alignment = Alignment.MiddleLeft;
            label.OffsetX = 6;
        }

        var barPlot = plot.Add.Bars(bars);
        barPlot.Horizontal = true;
        plot.Axes.Left.TickGenerator = ticks;
        plot.Axes.Left.TickLabelStyle.FontSize = 12;
        var low = Math.Min(0, ordered.Min(f => f.MeanAucDrop - f.StandardDeviation));
        var high = Math.Max(0.001, ordered.Max(f => f.MeanAucDrop + f.StandardDeviation));
        plot.Axes.SetLimits(low - ((high - low) * 0.03), high + ((high - low) * 0.35), -0.6, ordered.Count - 0.4);
        var height = Math.Max(220, 90 + (32 * ordered.Count));
        var top = string.Join(", ", ordered.Take(3).Select(f => $"{f.Feature} ({F3(f.MeanAucDrop)})"));
        return ChartStyle.Render(plot, $"Feature importance as the drop in ROC AUC; the largest: {top}.", height: height);
    }

    private static void AddDiagonal(Plot plot, string label)
    {
        var line = plot.Add.Line(0, 0, 1, 1);
        line.LineColor = ChartStyle.Reference;
        line.LinePattern = LinePattern.Dotted;
        line.LineWidth = 2;
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = label, LineColor = ChartStyle.Reference, LineWidth = 2, LinePattern = LinePattern.Dotted });
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string F1(double value) => value.ToString("0.0", Invariant);

    private static string F2(double value) => value.ToString("0.00", Invariant);

    private static string F3(double value) => value.ToString("0.000", Invariant);

    private static string P0(double value) => value.ToString("0%", Invariant);

    private static string P1(double value) => value.ToString("0.0%", Invariant);
}
