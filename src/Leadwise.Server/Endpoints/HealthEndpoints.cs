using Leadwise.Data.Storage;

namespace Leadwise.Server.Endpoints;

/// <summary>
/// <c>/health/live</c>: the process answers. <c>/health/ready</c>: the store answers and a model is promoted. Both are
/// open and unlimited: probes send no API key and must not be throttled.
/// </summary>
internal static class HealthEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/health/live", () => Results.Ok(new { status = "live" })).AllowAnonymous().DisableRateLimiting().WithTags("Health");
        app.MapGet("/health/ready", async (ILeadwiseStore store, PromotedModel model, CancellationToken cancellationToken) =>
        {
            var counts = await store.CountAsync(cancellationToken);
            var promoted = await model.GetAsync(cancellationToken);
            var body = new { status = promoted is null ? "no model promoted" : "ready", store = store.Description, leads = counts.Leads, modelVersion = promoted?.Version };
            return promoted is null ? Results.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable) : Results.Ok(body);
        }).AllowAnonymous().DisableRateLimiting().WithTags("Health");
    }
}
