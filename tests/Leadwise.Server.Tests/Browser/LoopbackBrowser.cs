using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Leadwise.Testing.Browser;
using Microsoft.Playwright;

namespace Leadwise.Server.Tests.Browser;

/// <summary>
/// The real host on a free loopback port over a store, with reads open as `leadwise serve` opens them on loopback, and
/// a laptop-sized page (1366 × 768) in headless Debian Chromium (its own Playwright download is never used) that
/// records every problem and every request it makes. Without Chromium the test is skipped with the reason, unless
/// LEADWISE_REQUIRE_BROWSER=1 (set by scripts/test.sh, which installs it), where a missing browser fails it.
/// </summary>
internal sealed class LoopbackBrowser : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private LoopbackBrowser(WebApplication app, string address, IPlaywright playwright, IBrowser browser, IPage page)
    {
        _app = app;
        Address = address;
        _playwright = playwright;
        _browser = browser;
        Page = page;
        page.Console += (_, message) => ConsoleMessages.Add($"console {message.Type}: {message.Text} ({message.Location})");
        page.PageError += (_, error) => Problems.Add($"page error: {error}");
        page.RequestFailed += (_, request) => Problems.Add($"request failed: {request.Url}");
        page.Dialog += (_, dialog) => Problems.Add($"a dialog opened (a script ran): {dialog.Message}");
        page.Request += (_, request) => Requests.Add(request.Url);
    }

    /// <summary>The host's base address, e.g. <c>http://127.0.0.1:40123</c>.</summary>
    public string Address { get; }

    public IPage Page { get; }

    /// <summary>Page errors, failed requests and dialogs (a dialog means a script ran).</summary>
    public List<string> Problems { get; } = [];

    /// <summary>Every console message, kept apart: a page built with a script library may log on its own.</summary>
    public List<string> ConsoleMessages { get; } = [];

    /// <summary>Every URL the page requested, in order.</summary>
    public List<string> Requests { get; } = [];

    /// <summary>Where screenshots go: <c>artifacts/</c> in the test output folder.</summary>
    public static string ArtifactsFolder { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "artifacts")).FullName;

    public static async Task<LoopbackBrowser> StartAsync(string database)
    {
        DebianChromium.Require();
        var app = LeadwiseServer.Build(["--urls", "http://127.0.0.1:0"], builder =>
        {
            builder.Configuration[LeadwiseServer.DatabaseSetting] = database;
            builder.Configuration[Security.LeadwiseSecurity.OpenReadsSetting] = "true"; // as `leadwise serve` on loopback
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = DebianChromium.ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox"], // CI runs as root, where Chromium's sandbox refuses to start
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 768 } });
        return new LoopbackBrowser(app, address, playwright, browser, page);
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
