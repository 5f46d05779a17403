using System.Globalization;
using System.Security.Claims;
using Leadwise.Core.Models;
using Leadwise.Data.Storage;
using Leadwise.Learning.Registry;
using Leadwise.Recommend.Registry;
using Leadwise.Server.Security;

namespace Leadwise.Server.Endpoints;

/// <summary>
/// <c>GET /api/models</c> and <c>GET /api/models/{version}</c> (reads): the saved versions of both kinds with which one of
/// each is promoted, and one version's held-out metrics (the conversion model's card, or the sequence model's report).
/// <c>POST /api/models/{version}/promote</c> (write key): promotes a saved model version through its kind's registry,
/// as <c>leadwise models promote</c> does, after loading it once so a version this server cannot read is refused (409) rather than served.
/// The server swaps to it at the next request; requests already running finish with the model they started with.
/// </summary>
internal static class ModelEndpoints
{
    public static void Map(WebApplication app)
    {
        // Install-wide models may be read by a key bound to an account (their metrics are aggregates, no lead's row), and
        // so may its own account's models (`leadwise train --account`); another account's model answers as a missing one.
        // Promoting takes an install-wide key: it changes what every account (or another account) is served.
        app.MapGet("/api/models", ListAsync)
            .RequireAuthorization(LeadwisePolicies.Read)
            .ServesAccountKeys()
            .WithTags("Model registry")
            .WithSummary("Every saved model version (conversion and sequence) and which one of each kind is promoted");
        app.MapGet("/api/models/{version:int}", ShowAsync)
            .RequireAuthorization(LeadwisePolicies.Read)
            .ServesAccountKeys()
            .WithTags("Model registry")
            .WithSummary("One model version with its held-out metrics");
        app.MapPost("/api/models/{version:int}/promote", PromoteAsync)
            .RequireAuthorization(LeadwisePolicies.Write)
            .WithTags("Model registry")
            .WithSummary("Promote a saved conversion or sequence (hazard) model version");
    }

    private static async Task<IResult> ListAsync(ClaimsPrincipal user, ReadStore reads, CancellationToken cancellationToken)
    {
        var store = reads.Store;
        var promoted = new Dictionary<(string Kind, long? Account), int?>();
        var versions = new List<ModelVersionView>();
        await foreach (var model in store.ReadModelsAsync(RequestAccount.Of(user), cancellationToken))
        {
            // Each (kind, account) has its own promoted version.
            if (!promoted.TryGetValue((model.Kind, model.Account?.Value), out var current))
            {
                var history = await store.ReadAccountPromotionsAsync(model.Kind, model.Account, cancellationToken);
                current = history.Count == 0 ? null : history[^1].Version;
                promoted[(model.Kind, model.Account?.Value)] = current;
            }

            versions.Add(new ModelVersionView(model.Version, model.Kind, model.CreatedAt, model.Summary, model.Version == current, model.Account?.Value));
        }

        return Results.Ok(versions);
    }

    private static async Task<IResult> ShowAsync(int version, ClaimsPrincipal user, ReadStore reads, CancellationToken cancellationToken)
    {
        var store = reads.Store;
        var found = await store.FindModelAsync(version, RequestAccount.Of(user), cancellationToken);
        if (found is null)
        {
            return Results.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Model version not found",
                detail: string.Create(CultureInfo.InvariantCulture, $"There is no model version {version}."),
                extensions: new Dictionary<string, object?> { ["field"] = "version" });
        }

        var history = await store.ReadAccountPromotionsAsync(found.Kind, found.Account, cancellationToken);
        object? metrics = found.Kind switch
        {
            ModelKinds.Conversion => ConversionModelRegistry.ReadCard(found) is var card
                ? new { card.Metrics, card.Trainers, card.Bands, card.Importance, card.FeatureChoices, card.Rows, card.Positives, card.Folds, card.Seed, card.DataFingerprint }
                : null,
            ModelKinds.Hazard => HazardModelRegistry.ReadReport(found),
            _ => null,
        };
        return Results.Ok(new ModelDetailView(found.Version, found.Kind, found.CreatedAt, found.Summary, history.Count > 0 && history[^1].Version == found.Version, metrics, found.Account?.Value));
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

        var history = await store.ReadAccountPromotionsAsync(found.Kind, found.Account, cancellationToken);
        return Results.Ok(new PromotionView(version, found.Kind, history[^1].PromotedAt));
    }
}

/// <summary>The version now promoted for its kind, and when.</summary>
internal sealed record PromotionView(int Version, string Kind, DateTimeOffset PromotedAt);

/// <summary>One saved version in the list: what it is, when it was trained, its one-line summary, whether it is served, and the account it belongs to (null: install-wide).</summary>
internal sealed record ModelVersionView(int Version, string Kind, DateTimeOffset CreatedAt, string Summary, bool Promoted, long? Account);

/// <summary>One version with its held-out metrics (the conversion card's, or the sequence model's report).</summary>
internal sealed record ModelDetailView(int Version, string Kind, DateTimeOffset CreatedAt, string Summary, bool Promoted, object? Metrics, long? Account);
