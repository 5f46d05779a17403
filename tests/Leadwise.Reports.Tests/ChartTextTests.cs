using Leadwise.Reports.Charts;
using ScottPlot;
using SkiaSharp;

namespace Leadwise.Reports.Tests;

/// <summary>
/// SkiaSharp's dependency-free native library finds fonts by scanning the system font folders; on a
/// machine with none, charts would silently lose every label. This proves text really is drawn.
/// </summary>
public sealed class ChartTextTests
{
    private static int DarkPixels(string? text)
    {
        var plot = ChartStyle.NewPlot(string.Empty, string.Empty);
        plot.HideAxesAndGrid();
        if (text is not null)
        {
            var label = plot.Add.Text(text, 0, 0);
            label.LabelStyle.FontSize = 40;
            label.LabelStyle.ForeColor = Colors.Black;
            label.Alignment = Alignment.MiddleCenter;
        }

        using var bitmap = SKBitmap.Decode(ChartStyle.Render(plot, "text probe", 400, 120).Png);
        var dark = 0;
        for (var y = 0; y < bitmap.Height; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                dark += bitmap.GetPixel(x, y).Red < 100 ? 1 : 0;
            }
        }

        return dark;
    }

    [Fact]
    public void ChartText_IsRendered_WithASystemFont()
    {
        var blank = DarkPixels(null);
        var withText = DarkPixels("ROC AUC 0.812");

        Assert.True(withText - blank > 2000, $"Chart text drew {withText - blank} dark pixels: no usable font? Install fonts-dejavu-core (scripts/test.sh does). Default font: '{Fonts.Default}'.");
    }
}
