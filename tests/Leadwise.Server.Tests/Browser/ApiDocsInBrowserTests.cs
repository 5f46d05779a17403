using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
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
    private const string Chromium = "/usr/bin/chromium";

    [SkippableFact]
    public async Task ApiDocs_RenderTheServedOperations_WithoutAnOutsideRequest()
    {
        // Given
        Skip.If(!File.Exists(Chromium) && Environment.GetEnvironmentVariable("LEADWISE_REQUIRE_BROWSER") != "1", $"Chromium is not installed at {Chromium}; `bash scripts/test.sh` installs it.");
        Assert.True(File.Exists(Chromium), $"Chromium is not installed at {Chromium} and LEADWISE_REQUIRE_BROWSER=1.");
        var folder = Path.Combine(AppContext.BaseDirectory, "artifacts");
        Directory.CreateDirectory(folder);
        await using var app = LeadwiseServer.Build(["--urls", "http://127.0.0.1:0"], builder =>
        {
            builder.Configuration[LeadwiseServer.DatabaseSetting] = store.Database;
            builder.Configuration[Security.LeadwiseSecurity.OpenReadsSetting] = "true";
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox"] });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 768 } });
        var problems = new List<string>();
        page.PageError += (_, error) => problems.Add($"page error: {error}");
        page.RequestFailed += (_, request) => problems.Add($"request failed: {request.Url}");
        var requests = new List<string>();
        page.Request += (_, request) => requests.Add(request.Url);

        // When
        await page.GotoAsync(address + "/docs");

        // Then: the served document's operations are listed by topic, with the API-key scheme to try them
        await page.GetByRole(AriaRole.Heading, new() { Name = "Leadwise API" }).First.WaitForAsync(new() { Timeout = 30_000 });
        foreach (var topic in new[] { "Recommend", "Leads", "Events", "Campaigns", "Model registry", "Health" })
        {
            Assert.True(await page.GetByText(topic, new() { Exact = true }).CountAsync() > 0, $"the {topic} operations are not listed");
        }

        Assert.True(await page.GetByText("X-Api-Key").CountAsync() > 0, "the API-key security scheme is not offered");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, "api-docs.png") });
        Assert.Contains(requests, url => url.StartsWith(address + "/openapi/v1.json", StringComparison.Ordinal));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.All(requests, url => Assert.True(url.StartsWith(address + "/", StringComparison.Ordinal) || url.StartsWith("data:", StringComparison.Ordinal), $"outside request: {url}"));
        output.WriteLine($"{requests.Count} requests, all to {address}; screenshot {Path.Combine(folder, "api-docs.png")}");
        await app.StopAsync();
    }
}
