using Leadwise.Testing.Browser;
using Microsoft.Playwright;
using SkiaSharp;
using Xunit.Abstractions;

namespace Leadwise.Reports.Tests.Browser;

/// <summary>
/// Opens the rendered report in headless Chromium (Debian's /usr/bin/chromium, driven by Playwright; its
/// own browser download is never used) at a laptop's screen size, checks that it renders, and saves a
/// full-page screenshot to <c>artifacts/report.png</c> in the test output folder (plus the first screen
/// and the calibration and "Which message to send" sections on their own, the images docs/report.md shows).
/// Without Chromium the test is skipped with the reason, unless LEADWISE_REQUIRE_BROWSER=1 (set by
/// scripts/test.sh, which installs Chromium first), where a missing browser fails it.
/// </summary>
[Collection(ReportCollection.Name)]
public sealed class ReportInBrowserTests(SampleReport sample, ITestOutputHelper output)
{
    [SkippableFact]
    public async Task Report_RendersInChromium_OnALaptopScreen_WithEveryHeadingAndImage()
    {
        // Given
        DebianChromium.Require();
        var folder = Path.Combine(AppContext.BaseDirectory, "artifacts");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "report.html");
        await File.WriteAllTextAsync(file, HtmlModelReport.Render(sample.Content));
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = DebianChromium.ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox"], // CI runs as root, where Chromium's sandbox refuses to start
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 768 } });
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                problems.Add($"console {message.Type}: {message.Text}");
            }
        };
        page.PageError += (_, error) => problems.Add($"page error: {error}");
        page.RequestFailed += (_, request) => problems.Add($"request failed: {request.Url}");
        var requests = new List<string>();
        page.Request += (_, request) => requests.Add(request.Url);

        // When
        await page.GotoAsync(new Uri(file).AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load });

        // Then: every section heading is there and visible, in order
        var headings = page.Locator("h2");
        Assert.Equal(HtmlModelReport.Sections.Select(s => s.Heading), await headings.AllInnerTextsAsync());
        for (var i = 0; i < await headings.CountAsync(); i++)
        {
            Assert.True(await headings.Nth(i).IsVisibleAsync(), $"heading {i} is not visible");
        }

        // every chart loaded and is shown no wider than the screen
        var images = await page.EvaluateAsync<ImageState[]>(
            "() => Array.from(document.images).map(i => ({ complete: i.complete, naturalWidth: i.naturalWidth, shownWidth: i.getBoundingClientRect().width }))");
        Assert.Equal(8, images.Length); // six model charts, and the recommendation section's two
        Assert.All(images, i => Assert.True(i.Complete && i.NaturalWidth > 0, $"image not loaded: {i}"));
        Assert.All(images, i => Assert.InRange(i.ShownWidth, 300, 1366));

        // nothing scrolls sideways at 1366 px, and the page asked for nothing but itself
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page is wider than a 1366 px screen");
        Assert.Empty(problems);
        Assert.All(requests, url => Assert.StartsWith("file://", url, StringComparison.Ordinal));

        var screenshot = Path.Combine(folder, "report.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        Assert.True(new FileInfo(screenshot).Length > 10_000, "the screenshot is nearly empty");
        var firstScreen = Path.Combine(folder, "report-first-screen.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = firstScreen });
        using (var shown = SKBitmap.Decode(firstScreen))
        {
            Assert.Equal((1366, 768), (shown.Width, shown.Height));
        }

        var calibration = Path.Combine(folder, "report-calibration.png");
        await page.Locator("#calibration").ScreenshotAsync(new LocatorScreenshotOptions { Path = calibration });

        // the recommendation section shows its verdict, and its charts and tables stay within the screen
        var messages = page.Locator("#messages");
        Assert.True(await messages.Locator(".verdict").IsVisibleAsync(), "the verdict is not visible");
        Assert.True(await page.EvaluateAsync<bool>("() => Array.from(document.querySelectorAll('#messages img, #messages .scroll, #messages .verdict')).every(e => e.getBoundingClientRect().right <= window.innerWidth)"),
            "part of the recommendation section is wider than a 1366 px screen");
        var recommendation = Path.Combine(folder, "report-messages.png");
        await messages.ScreenshotAsync(new LocatorScreenshotOptions { Path = recommendation });

        output.WriteLine($"Report: {file}");
        output.WriteLine($"Screenshots: {screenshot} (full page), {firstScreen} (what a laptop shows first), {calibration}, {recommendation}");
    }

    /// <summary>Playwright fills results through setters.</summary>
    private sealed class ImageState
    {
        public bool Complete { get; set; }

        public double NaturalWidth { get; set; }

        public double ShownWidth { get; set; }

        public override string ToString() => $"complete {Complete}, natural width {NaturalWidth}, shown width {ShownWidth}";
    }
}
