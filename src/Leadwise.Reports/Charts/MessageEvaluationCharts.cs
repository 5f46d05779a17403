using System.Globalization;
using Leadwise.Reports.Content.Messages;
using ScottPlot;

namespace Leadwise.Reports.Charts;

/// <summary>The "Which message to send" section's charts: the sequence model's held-out AUC per step, and each policy's estimated value with its interval.</summary>
internal static class MessageEvaluationCharts
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Each estimator keeps one colour, marker and line pattern, so the policy chart never relies on colour alone.</summary>
    private static readonly IReadOnlyDictionary<EstimatorKind, (Color Color, MarkerShape Marker, LinePattern Pattern)> Looks = new Dictionary<EstimatorKind, (Color, MarkerShape, LinePattern)>
    {
        [EstimatorKind.InversePropensity] = (ChartStyle.Model, MarkerShape.OpenCircle, LinePattern.Solid),
        [EstimatorKind.SelfNormalised] = (ChartStyle.Baseline, MarkerShape.OpenSquare, LinePattern.Dashed),
        [EstimatorKind.DoublyRobust] = (ChartStyle.Accent, MarkerShape.FilledDiamond, LinePattern.Solid),
        [EstimatorKind.ModelOnly] = (ChartStyle.Reference, MarkerShape.OpenTriangleUp, LinePattern.Dotted),
    };

    public static ChartImage StepAuc(MessageEvaluationContent content)
    {
        var plot = ChartStyle.NewPlot("Stage of the sequence model (held-out rows)", "ROC AUC on held-out leads");
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        var stages = content.HazardSteps.Select(s => (Label: $"step {s.Step}", Stage: s, What: "replies")).ToList();
        if (content.Acceptance is { } acceptance)
        {
            stages.Add(("acceptance", acceptance, "accepted"));
        }

        var bars = new List<Bar>();
        for (var i = 0; i < stages.Count; i++)
        {
            var (label, stage, what) = stages[i];
            ticks.AddMajor(i, label);
            var text = double.IsNaN(stage.RocAuc) ? $"no AUC ({N(stage.Positives)} {what})" : $"{F3(stage.RocAuc)}\n{N(stage.Positives)} {what}";
            if (!double.IsNaN(stage.RocAuc))
            {
                var isAcceptance = what == "accepted";
                bars.Add(new Bar
                {
                    Position = i,
                    Value = stage.RocAuc,
                    Size = 0.6,
                    FillColor = (isAcceptance ? ChartStyle.Baseline : ChartStyle.Model).WithAlpha(0.5),
                    FillHatchColor = isAcceptance ? ChartStyle.Baseline : ChartStyle.Model,
                    FillHatch = isAcceptance ? new ScottPlot.Hatches.Striped() : null,
                    LineColor = isAcceptance ? ChartStyle.Baseline : ChartStyle.Model,
                    LineWidth = 1,
                });
            }

            var note = plot.Add.Text(text, i, double.IsNaN(stage.RocAuc) ? 0.02 : stage.RocAuc);
            note.LabelStyle.FontSize = 11;
            note.LabelStyle.ForeColor = Colors.Black;
            note.LabelStyle.Alignment = Alignment.LowerCenter;
            note.Alignment = Alignment.LowerCenter;
            note.OffsetY = -3;
        }

        plot.Add.Bars(bars);
        plot.Add.HorizontalLine(0.5, 2, ChartStyle.Reference, LinePattern.Dotted);
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "Reply at the step (plain bars)", FillColor = ChartStyle.Model.WithAlpha(0.5), OutlineColor = ChartStyle.Model, OutlineWidth = 1 });
        if (content.Acceptance is not null)
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = "Invite acceptance (striped)", FillColor = ChartStyle.Baseline.WithAlpha(0.5), FillHatchColor = ChartStyle.Baseline, FillHatch = new ScottPlot.Hatches.Striped(), OutlineColor = ChartStyle.Baseline, OutlineWidth = 1 });
        }

        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "Chance (0.500)", LineColor = ChartStyle.Reference, LineWidth = 2, LinePattern = LinePattern.Dotted });
        plot.Axes.Bottom.TickGenerator = ticks;
        plot.Axes.SetLimits(-0.6, Math.Max(stages.Count, 1) - 0.4, 0, 1.18);
        plot.ShowLegend(Alignment.UpperRight);
        var parts = stages.Select(s => double.IsNaN(s.Stage.RocAuc)
            ? $"{s.Label} has no AUC ({N(s.Stage.Rows)} rows, {N(s.Stage.Positives)} {s.What})"
            : $"{s.Label} {F3(s.Stage.RocAuc)} ({N(s.Stage.Rows)} rows, {N(s.Stage.Positives)} {s.What})");
        return ChartStyle.Render(plot, $"Held-out ROC AUC of the sequence model per stage: {string.Join("; ", parts)}; chance is 0.500.");
    }

    public static ChartImage PolicyValues(MessageEvaluationContent content)
    {
        var plot = ChartStyle.NewPlot("Replies per 100 leads (estimate and 95 % interval)", string.Empty);
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        var kinds = Enum.GetValues<EstimatorKind>();
        var withTruth = content.OffPolicy.Any(r => r.TrueValue is not null);
        var perGroup = kinds.Length + (withTruth ? 1 : 0);
        var values = content.OffPolicy.SelectMany(r => r.Estimates.Where(e => e.Value is not null).SelectMany(e => new[] { e.Low ?? e.Value!.Value, e.High ?? e.Value!.Value }))
            .Concat(content.OffPolicy.Where(r => r.TrueValue is not null).Select(r => r.TrueValue!.Value))
            .Select(v => v * 100)
            .ToList();
        var low = values.Count == 0 ? 0 : Math.Max(0, values.Min() - 0.5);
        var high = values.Count == 0 ? 10 : values.Max() + 0.5;
        var position = 0.0;
        for (var g = content.OffPolicy.Count - 1; g >= 0; g--)
        {
            var row = content.OffPolicy[g];
            var top = position + perGroup - 1;
            ticks.AddMajor(position + ((perGroup - 1) / 2.0), row.Policy);
            for (var k = 0; k < kinds.Length; k++)
            {
                var y = top - k;
                var (color, marker, pattern) = Looks[kinds[k]];
                if (row[kinds[k]] is { Value: { } value } estimate)
                {
                    if (estimate.Low is { } l && estimate.High is { } h)
                    {
                        var whisker = plot.Add.Line(l * 100, y, h * 100, y);
                        whisker.LineColor = color;
                        whisker.LineWidth = 2;
                        whisker.LinePattern = pattern;
                    }

                    var dot = plot.Add.Marker(value * 100, y, marker, 10, color);
                    dot.LineWidth = 2;
                }
                else
                {
                    var absent = plot.Add.Text($"{Label(kinds[k])}: not supported", low, y);
                    absent.LabelStyle.FontSize = 11;
                    absent.LabelStyle.ForeColor = Colors.Black;
                    absent.Alignment = Alignment.MiddleLeft;
                    absent.OffsetX = 4;
                }
            }

            if (row.TrueValue is { } truth)
            {
                plot.Add.Marker(truth * 100, top - kinds.Length, MarkerShape.Eks, 12, Colors.Black).LineWidth = 2;
            }

            position += perGroup + 1;
        }

        foreach (var kind in kinds)
        {
            var (color, marker, pattern) = Looks[kind];
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = Label(kind), LineColor = color, LineWidth = 2, LinePattern = pattern, MarkerShape = marker, MarkerColor = color, MarkerSize = 10 });
        }

        if (withTruth)
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = "True value (ground truth)", MarkerShape = MarkerShape.Eks, MarkerColor = Colors.Black, MarkerSize = 12, LineWidth = 0 });
        }

        // Empty rows above the policies hold the legend, so it never covers a marker.
        var legendRows = kinds.Length + (withTruth ? 1 : 0) + 1.5;
        plot.Axes.Left.TickGenerator = ticks;
        plot.Axes.SetLimits(low, high + ((high - low) * 0.05), -0.8, position - 1.2 + legendRows);
        plot.ShowLegend(Alignment.UpperRight);
        var height = Math.Max(260, 110 + (22 * Math.Max(1, (int)(position + legendRows))));
        var alt = string.Join("; ", content.OffPolicy.Select(r =>
            $"{r.Policy}: " + string.Join(", ", r.Estimates.Select(e => e.Value is { } v ? $"{Label(e.Estimator)} {F1(v * 100)} ({F1((e.Low ?? v) * 100)}–{F1((e.High ?? v) * 100)})" : $"{Label(e.Estimator)} not supported"))
            + (r.TrueValue is { } t ? $", true value {F1(t * 100)}" : string.Empty)));
        return ChartStyle.Render(plot, $"Estimated replies per 100 leads with 95 % intervals, by policy and estimator — {alt}.", height: height);
    }

    /// <summary>The short name each estimator goes by in the tables and the chart.</summary>
    public static string Label(EstimatorKind kind) => kind switch
    {
        EstimatorKind.InversePropensity => "IPS",
        EstimatorKind.SelfNormalised => "SNIPS",
        EstimatorKind.DoublyRobust => "DR",
        EstimatorKind.ModelOnly => "DM (model only)",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown estimator."),
    };

    private static string N(int value) => value.ToString("#,0", Invariant);

    private static string F1(double value) => value.ToString("0.0", Invariant);

    private static string F3(double value) => value.ToString("0.000", Invariant);
}
