using System.Globalization;
using Leadwise.Core.Models;
using Leadwise.Data.Storage;
using Leadwise.Learning.Registry;
using Leadwise.Recommend.Registry;
using Leadwise.Server.Security;

namespace Leadwise.Server.Endpoints;

/// <summary>
/// <c>POST /api/models/{version}/promote</c> (write key): promotes a saved model version through its kind's registry,
/// as <c>leadwise models promote</c> does, after loading it once so a version this server cannot read is refused (409) rather than served.
/// The server swaps to it at the next request; requests already running finish with the model they started with.
/// </summary>
internal static class ModelEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapPost("/api/models/{version:int}/promote", PromoteAsync)
            .RequireAuthorization(LeadwisePolicies.Write)
            .WithSummary("Promote a saved conversion or sequence (hazard) model version");
    }

    private static async Task<IResult> PromoteAsync(
        int version,
        ILeadwiseStore store,
        TimeProvider time,
        PromotedModel conversion,
        PromotedRecommender recommender,
        CancellationToken cancellationToken)
    {
        var found = await store.FindModelAsync(version, cancellationToken);
        if (found is null)
        {
            return Results.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Model version not found",
                detail: string.Create(CultureInfo.InvariantCulture, $"There is no model version {version}; `leadwise models list` shows the versions."),
                extensions: new Dictionary<string, object?> { ["field"] = "version" });
        }

        try
        {
            switch (found.Kind)
            {
                case ModelKinds.Conversion:
                    var conversions = new ConversionModelRegistry(store, time);
                    await conversions.LoadAsync(version, cancellationToken);
                    await conversions.PromoteAsync(version, cancellationToken);
                    conversion.Expire();
                    break;
                case ModelKinds.Hazard:
                    var hazards = new HazardModelRegistry(store, time);
                    await hazards.LoadAsync(version, cancellationToken);
                    await hazards.PromoteAsync(version, cancellationToken);
                    recommender.Expire();
                    break;
                default:
                    return Results.Problem(
                        statusCode: StatusCodes.Status409Conflict,
                        title: "Model kind cannot be promoted here",
                        detail: $"Version {version} is a model of kind \"{found.Kind}\", which this server does not use.",
                        extensions: new Dictionary<string, object?> { ["field"] = "version" });
            }
        }
        catch (ModelRegistryException exception)
        {
            return Results.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "Model version cannot be loaded",
                detail: $"Version {version} was not promoted: {exception.Message}",
                extensions: new Dictionary<string, object?> { ["field"] = "version" });
        }

        var history = await store.ReadPromotionsAsync(found.Kind, cancellationToken);
        return Results.Ok(new PromotionView(version, found.Kind, history[^1].PromotedAt));
    }
}

/// <summary>The version now promoted for its kind, and when.</summary>
internal sealed record PromotionView(int Version, string Kind, DateTimeOffset PromotedAt);
