namespace Leadwise.Reports.Charts;

/// <summary>A rendered chart: a PNG, its size in CSS pixels, and a text alternative that states what it shows.</summary>
public sealed record ChartImage(byte[] Png, int Width, int Height, string Alt)
{
    public string DataUri => "data:image/png;base64," + Convert.ToBase64String(Png);
}
