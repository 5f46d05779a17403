using System.Globalization;
using Leadwise.Learning.Evaluation;

namespace Leadwise.Cli.Rendering;

/// <summary>Metric cells as the train tables show them: three decimals, the 95% interval beside the value when there is one.</summary>
internal static class MetricText
{
    public static string Value(double value, string format = "F3") =>
        double.IsNaN(value) ? "n/a" : value.ToString(format, CultureInfo.InvariantCulture);

    public static string WithInterval(double value, MetricInterval? interval, string format = "F3") =>
        interval is null || double.IsNaN(interval.Low)
            ? Value(value, format)
            : $"{Value(value, format)} ({Value(interval.Low, format)}–{Value(interval.High, format)})";
}
