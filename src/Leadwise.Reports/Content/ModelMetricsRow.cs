using Leadwise.Learning.Evaluation;

namespace Leadwise.Reports.Content;

/// <summary>One row of the metrics table: a model (or baseline), its out-of-fold metrics and the 95% interval of its ROC AUC (NaN when unknown).</summary>
public sealed record ModelMetricsRow(string Name, BinaryMetrics Metrics, double AucLow, double AucHigh, bool Chosen = false);
