using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Leadwise.Server.Tests.Browser;

/// <summary>
/// Opens the interactive API reference (<c>/docs</c>) in headless Debian Chromium against the real host on a loopback
/// port: the page must render the served OpenAPI document's operations from the host's own files alone — no font,
/// script or telemetry request leaves the host. Skipped (or failed under LEADWISE_REQUIRE_BROWSER=1) without Chromium.
/// </summary>
[Collection(ScoredStoreCollection.Name)]
public sealed class ApiDocsInBrowserTests(ScoredStore store, ITestOutputHelper output)
{
    [SkippableFact]
    public async Task ApiDocs_RenderTheServedOperations_WithoutAnOutsideRequest()
    {
        // Given
        await using var browser = await LoopbackBrowser.StartAsync(store.Database);
        var (page, address) = (browser.Page, browser.Address);
        var screenshot = Path.Combine(LoopbackBrowser.ArtifactsFolder, "api-docs.png");

        // When
        await page.GotoAsync(address + "/docs");

        // Then: the served document's operations are listed by topic, with the API-key scheme to try them
        await page.GetByRole(AriaRole.Heading, new() { Name = "Leadwise API" }).First.WaitForAsync(new() { Timeout = 30_000 });
        foreach (var topic in new[] { "Recommend", "Leads", "Events", "Campaigns", "Model registry", "Health" })
        {
            Assert.True(await page.GetByText(topic, new() { Exact = true }).CountAsync() > 0, $"the {topic} operations are not listed");
        }

        Assert.True(await page.GetByText("X-Api-Key").CountAsync() > 0, "the API-key security scheme is not offered");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot });
        Assert.Contains(browser.Requests, url => url.StartsWith(address + "/openapi/v1.json", StringComparison.Ordinal));
        Assert.True(browser.Problems.Count == 0, string.Join("\n", browser.Problems));
        Assert.All(browser.Requests, url => Assert.True(url.StartsWith(address + "/", StringComparison.Ordinal) || url.StartsWith("data:", StringComparison.Ordinal), $"outside request: {url}"));
        output.WriteLine($"{browser.Requests.Count} requests, all to {address}; screenshot {screenshot}");
    }
}
