using System.Text.RegularExpressions;
using SkiaSharp;

namespace Leadwise.Reports.Tests;

[Collection(ReportCollection.Name)]
public sealed partial class HtmlModelReportTests(SampleReport sample)
{
    [Fact]
    public void Render_HasEverySection_WithItsHeading()
    {
        var html = HtmlModelReport.Render(sample.Content);

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        foreach (var (id, heading) in HtmlModelReport.Sections)
        {
            Assert.Contains($"<section id=\"{id}\">\n<h2>{System.Net.WebUtility.HtmlEncode(heading)}</h2>", html, StringComparison.Ordinal);
            Assert.Contains($"<a href=\"#{id}\">", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Render_EmbedsEightChartsAsPngs_ThatDecode_AtTwiceTheirShownSize()
    {
        var html = HtmlModelReport.Render(sample.Content);

        var images = ImageTag().Matches(html);
        Assert.Equal(8, images.Count); // ROC, PR, calibration, gain, distribution, importance, policy values, AUC per step
        foreach (Match image in images)
        {
            using var bitmap = SKBitmap.Decode(Convert.FromBase64String(image.Groups["data"].Value));
            Assert.NotNull(bitmap);
            Assert.Equal(2 * int.Parse(image.Groups["width"].Value, System.Globalization.CultureInfo.InvariantCulture), bitmap.Width);
            Assert.Equal(2 * int.Parse(image.Groups["height"].Value, System.Globalization.CultureInfo.InvariantCulture), bitmap.Height);
            Assert.True(image.Groups["alt"].Value.Length > 20, "every chart has a text alternative");
        }
    }

    [Fact]
    public void Render_ReferencesNothingOutsideTheFile()
    {
        var html = HtmlModelReport.Render(sample.Content);

        Assert.DoesNotMatch(ExternalReference(), html);
        Assert.DoesNotContain("http://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.All(SourceOrLink().Matches(html), m => Assert.Matches("^(data:image/png;base64,|#)", m.Groups["value"].Value));
    }

    [Fact]
    public void Render_ShowsTheNumbersOfTheContent()
    {
        var html = HtmlModelReport.Render(sample.Content);

        Assert.Contains("1,500 leads", html, StringComparison.Ordinal);
        Assert.Contains($"{sample.Training.Chosen} <strong>(chosen)</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Point rules (baseline)</th>", html, StringComparison.Ordinal);
        Assert.Contains("Planted test data: the numbers describe nothing real.", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">noise</th><td>(missing)</td>", html, StringComparison.Ordinal);
        var strongest = sample.Content.Insights.MaxBy(i => i.Lift)!;
        Assert.Contains($"<td>{strongest.Value}</td><td>{strongest.Leads:#,0}</td>", html, StringComparison.Ordinal);
        Assert.Contains(" ▲</td>", html, StringComparison.Ordinal); // the planted effect is big enough to show
    }

    [Fact]
    public void PlantedSignal_ComesOutInImportanceAndCurves()
    {
        var importance = sample.Content.FeatureImportance.ToDictionary(f => f.Feature, f => f.MeanAucDrop);

        Assert.True(importance["a"] > 0.05, $"a: {importance["a"]}");
        Assert.True(importance["b"] > 0.03, $"b: {importance["b"]}");
        Assert.True(Math.Abs(importance["noise"]) < 0.02, $"noise: {importance["noise"]}");
        Assert.InRange(sample.Training.CalibratedMetrics.RocAuc, 0.75, 0.95);
    }

    [Fact]
    public void Render_IsTheSameTwice_AndOnlyTheTimestampFollowsGeneratedAt()
    {
        var first = HtmlModelReport.Render(sample.Content);
        var second = HtmlModelReport.Render(sample.Content);
        var later = HtmlModelReport.Render(sample.Content with { GeneratedAt = SampleReport.GeneratedAt.AddHours(26) });

        Assert.Equal(first, second);
        Assert.NotEqual(first, later);
        Assert.Contains("2026-11-24 17:00 UTC", later, StringComparison.Ordinal);
        Assert.Equal(first.Replace("2026-11-23T15:00:00Z", "T", StringComparison.Ordinal).Replace("2026-11-23 15:00 UTC", "S", StringComparison.Ordinal),
            later.Replace("2026-11-24T17:00:00Z", "T", StringComparison.Ordinal).Replace("2026-11-24 17:00 UTC", "S", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_EncodesTextFromTheContent()
    {
        var content = sample.Content with { Title = "Leads <b>&</b> \"more\"", Warnings = ["<script>alert(1)</script>"] };

        var html = HtmlModelReport.Render(content);

        Assert.Contains("<h1>Leads &lt;b&gt;&amp;&lt;/b&gt; &quot;more&quot;</h1>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WithoutOptionalParts_SaysWhatIsMissing_AndDrawsNoBaseline()
    {
        var content = sample.Content with { PointScores = null, FeatureImportance = [], Insights = [], Warnings = [], MessageEvaluation = null };

        var html = HtmlModelReport.Render(content);

        Assert.Equal(5, ImageTag().Matches(html).Count);
        Assert.Contains($"<h2>Which message to send</h2>\n<p class=\"empty\">{System.Net.WebUtility.HtmlEncode(Content.ModelReportContent.NoSequenceModel)}</p>", html, StringComparison.Ordinal);
        Assert.Contains("No feature importance was computed for this report.", html, StringComparison.Ordinal);
        Assert.Contains("No conversion insights were computed for this report.", html, StringComparison.Ordinal);
        Assert.Contains("<h2>Warnings</h2>\n<p class=\"empty\">None.</p>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Point rules", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_RefusesContentItCannotDraw()
    {
        var mismatched = sample.Content with { Labels = [.. sample.Labels.Skip(1)] };
        var oneClass = sample.Content with { Labels = [.. sample.Labels.Select(_ => false)] };
        var shortPoints = sample.Content with { PointScores = [1, 2, 3] };

        Assert.Contains("one label per probability", Assert.Throws<ArgumentException>(() => HtmlModelReport.Render(mismatched)).Message, StringComparison.Ordinal);
        Assert.Contains("both converted and unconverted", Assert.Throws<ArgumentException>(() => HtmlModelReport.Render(oneClass)).Message, StringComparison.Ordinal);
        Assert.Contains("3 point scores for 1500 rows", Assert.Throws<ArgumentException>(() => HtmlModelReport.Render(shortPoints)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_WritesTheRenderedPageAsUtf8WithoutBom()
    {
        using var stream = new MemoryStream();

        await HtmlModelReport.WriteAsync(sample.Content, stream);

        var bytes = stream.ToArray();
        Assert.Equal((byte)'<', bytes[0]);
        Assert.Equal(HtmlModelReport.Render(sample.Content), System.Text.Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void FromTraining_MarksTheChosenTrainer_AndAddsTheCalibratedRow()
    {
        var rows = sample.Content.Models;

        Assert.Equal(sample.Training.Trainers.Count + 1, rows.Count);
        Assert.Equal(sample.Training.Chosen.ToString(), Assert.Single(rows, r => r.Chosen).Name);
        Assert.Same(sample.Training.CalibratedMetrics, rows[^1].Metrics);
        Assert.Equal(sample.Training.CalibratedMetrics.RocAuc, Learning.Evaluation.BinaryMetrics.Compute([.. sample.Content.Probabilities], sample.Labels).RocAuc, 12);
        Assert.Equal(1500, sample.Content.Data.Rows);
    }

    [GeneratedRegex("<img src=\"data:image/png;base64,(?<data>[A-Za-z0-9+/=]+)\" width=\"(?<width>\\d+)\" height=\"(?<height>\\d+)\" alt=\"(?<alt>[^\"]*)\">")]
    private static partial Regex ImageTag();

    [GeneratedRegex("(?i)(src|href)\\s*=\\s*[\"']?\\s*(https?:)?//")]
    private static partial Regex ExternalReference();

    [GeneratedRegex("(?i)\\b(src|href)\\s*=\\s*\"(?<value>[^\"]*)\"")]
    private static partial Regex SourceOrLink();
}
