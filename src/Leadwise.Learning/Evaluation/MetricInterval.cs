namespace Leadwise.Learning.Evaluation;

/// <summary>A percentile bootstrap interval (95% unless stated otherwise) around a metric.</summary>
public sealed record MetricInterval(double Low, double High)
{
    /// <summary>No interval could be computed (every resample lacked a class).</summary>
    public static MetricInterval None { get; } = new(double.NaN, double.NaN);
}
