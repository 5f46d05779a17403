using Xunit;

namespace Leadwise.Testing.Browser;

/// <summary>
/// Debian's Chromium, which the browser tests drive through Playwright (Playwright's own browser download is not
/// reachable). scripts/test.sh installs it and sets <c>LEADWISE_REQUIRE_BROWSER=1</c>, under which a missing browser
/// fails a test instead of skipping it.
/// </summary>
public static class DebianChromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private const string RequireVariable = "LEADWISE_REQUIRE_BROWSER";

    /// <summary>Returns when Chromium is installed; otherwise skips the running test with the reason, or fails it under <c>LEADWISE_REQUIRE_BROWSER=1</c>.</summary>
    public static void Require()
    {
        if (File.Exists(ExecutablePath))
        {
            return;
        }

        var message = $"Chromium is not installed at {ExecutablePath}. Run `bash scripts/test.sh`, which installs it (apt-get install chromium) and then runs the tests.";
        if (Environment.GetEnvironmentVariable(RequireVariable) == "1")
        {
            throw new InvalidOperationException(message + $" ({RequireVariable}=1: the browser test may not be skipped.)");
        }

        Skip.If(true, message);
    }
}
