namespace Leadwise.Reports.Curves;

/// <summary>One point of a curve; what X and Y mean depends on the curve (see <see cref="ReportCurves"/>).</summary>
public readonly record struct CurvePoint(double X, double Y);
