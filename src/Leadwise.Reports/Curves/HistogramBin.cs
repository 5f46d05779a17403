namespace Leadwise.Reports.Curves;

/// <summary>One equal-width bin of a histogram: its bounds, its count and that count as a share of all values.</summary>
public sealed record HistogramBin(double Low, double High, int Count, double Share);
