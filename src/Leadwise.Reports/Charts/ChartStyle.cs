using ScottPlot;
using SkiaSharp;

namespace Leadwise.Reports.Charts;

/// <summary>
/// The look every chart shares: the Okabe–Ito colour-blind-safe palette, and for every series a line
/// pattern and a marker shape of its own, so no chart depends on colour alone.
/// </summary>
internal static class ChartStyle
{
    public const int Width = 640;
    public const int Height = 400;

    /// <summary>Charts are drawn at twice their CSS size so they stay sharp on high-density screens.</summary>
    public const double Scale = 2;

    public static readonly Color Model = Color.FromHex("#0072B2");
    public static readonly Color Baseline = Color.FromHex("#D55E00");
    public static readonly Color Reference = Color.FromHex("#555555");
    public static readonly Color Accent = Color.FromHex("#009E73");

    /// <summary>Sans-serif families tried in turn (Debian ships DejaVu); otherwise ScottPlot's own default.</summary>
    private static readonly string FontFamily = new[] { "DejaVu Sans", "Liberation Sans", "Noto Sans", "Arial", "Helvetica" }.FirstOrDefault(IsInstalled) ?? Fonts.Default;

    public static Plot NewPlot(string xLabel, string yLabel)
    {
        var plot = new Plot { ScaleFactor = Scale };
        plot.Font.Set(FontFamily);
        plot.XLabel(xLabel, 14);
        plot.YLabel(yLabel, 14);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 12;
        plot.Axes.Left.TickLabelStyle.FontSize = 12;
        plot.Legend.FontSize = 12;
        plot.Legend.SymbolWidth = 36; // long enough to show a dash or dot pattern
        return plot;
    }

    /// <summary>A curve as a line with a few markers along it, one legend entry showing both.</summary>
    public static void AddCurve(Plot plot, IReadOnlyList<Curves.CurvePoint> points, string label, Color color, LinePattern pattern, MarkerShape marker, int markers = 9)
    {
        var line = plot.Add.ScatterLine(points.Select(p => p.X).ToArray(), points.Select(p => p.Y).ToArray(), color);
        line.LineWidth = 2;
        line.LinePattern = pattern;
        var spaced = Curves.ReportCurves.Thin(points, markers);
        var dots = plot.Add.ScatterPoints(spaced.Select(p => p.X).ToArray(), spaced.Select(p => p.Y).ToArray(), color);
        dots.MarkerShape = marker;
        dots.MarkerSize = 9;
        plot.Legend.ManualItems.Add(new LegendItem
        {
            LabelText = label,
            LineColor = color,
            LineWidth = 2,
            LinePattern = pattern,
            MarkerShape = marker,
            MarkerColor = color,
            MarkerSize = 9,
        });
    }

    private static bool IsInstalled(string family)
    {
        using var typeface = SKFontManager.Default.MatchFamily(family);
        return typeface is not null;
    }

    public static ChartImage Render(Plot plot, string alt, int width = Width, int height = Height)
    {
        var png = plot.GetImageBytes((int)(width * Scale), (int)(height * Scale), ImageFormat.Png);
        plot.Dispose();
        return new ChartImage(png, width, height, alt);
    }
}
