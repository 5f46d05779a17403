using Microsoft.AspNetCore.Mvc.Testing;

namespace Leadwise.Server.Tests;

/// <summary>How the tests read why a host refused to start.</summary>
internal static class HostStart
{
    /// <summary>
    /// Why a host fails to start. WebApplicationFactory runs a minimal-hosting Program on a thread of its own, and when
    /// the start fails that thread may dispose the host before the factory reads its services: the factory then throws
    /// ObjectDisposedException instead of the start's own error (dotnet/aspnetcore#38335). That race says nothing about
    /// the host, so such an attempt is repeated with a fresh one.
    /// </summary>
    public static Exception Failure(Func<WebApplicationFactory<Program>> host)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var node = host();
            try
            {
                node.CreateClient();
            }
            catch (ObjectDisposedException) when (attempt < 5)
            {
                continue;
            }
            catch (Exception exception)
            {
                return exception;
            }

            throw new Xunit.Sdk.XunitException("The host started.");
        }
    }
}
