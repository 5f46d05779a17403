using Leadwise.Data.Storage;
using Leadwise.Server.Security;

namespace Leadwise.Server.Endpoints;

/// <summary>
/// <c>/health/live</c>: the process answers. <c>/health/ready</c>: the store answers, a model is promoted and, with a read
/// replica, the replica answers too (with its replay state). Both are open and unlimited: probes send no API key and
/// must not be throttled. Called with a key bound to an account, ready reports the model that account's leads are scored
/// with (its own promoted one, else the install-wide one), so a client can see which version answers it.
/// </summary>
internal static class HealthEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/health/live", () => Results.Ok(new { status = "live" })).AllowAnonymous().DisableRateLimiting().WithTags("Health");
        app.MapGet("/health/ready", async (HttpContext context, ILeadwiseStore store, ReadStore reads, PromotedModel model, CancellationToken cancellationToken) =>
        {
            var counts = await store.CountAsync(cancellationToken);
            var account = RequestAccount.Of(context.User);
            var promoted = await model.GetAsync(account, cancellationToken);
            var replica = await ReadReplicaHealth.CheckAsync(reads, cancellationToken);
            var status = replica is { Error: not null } ? "read replica unavailable" : promoted is null ? "no model promoted" : "ready";
            var body = new { status, store = store.Description, leads = counts.Leads, account = account?.Value, modelVersion = promoted?.Version, readReplica = replica };
            return status == "ready" ? Results.Ok(body) : Results.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
        }).AllowAnonymous().DisableRateLimiting().ServesAccountKeys().WithTags("Health");
    }
}
