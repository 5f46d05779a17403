namespace Leadwise.Reports.Curves;

/// <summary>
/// One equal-width probability bin of a reliability diagram: its bounds, how many rows fell in it, their
/// mean predicted probability and the share of them that converted (with its 95% Wilson interval).
/// </summary>
public sealed record ReliabilityBin(double Low, double High, int Count, int Converted, double MeanPredicted, double ObservedRate, double ObservedLow, double ObservedHigh);
