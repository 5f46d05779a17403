using Leadwise.Server.Security;
using Scalar.AspNetCore;

namespace Leadwise.Server.Endpoints;

/// <summary>
/// <c>/docs</c>: the interactive API reference (Scalar) over the served OpenAPI document. Its script comes from the
/// package's embedded bundle and the page is told not to load fonts or send telemetry, so a self-hosted install makes
/// no outside request. It is a read like the document it shows: closed reads need a key for both.
/// </summary>
internal static class ApiDocsEndpoints
{
    public const string Path = "/docs";

    public static void Map(WebApplication app)
    {
        app.MapScalarApiReference(Path, options => options
            .WithTitle("Leadwise API")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json")
            .DisableDefaultFonts()
            .DisableTelemetry()
            .DisableAgent()
            .HideDeveloperTools()
            .WithDotNetFlag(false)
            .AddPreferredSecuritySchemes(["ApiKey"]))
            .ServesAccountKeys(); // the reference describes the API, no account's data
    }
}
