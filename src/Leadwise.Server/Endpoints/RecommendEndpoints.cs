using System.Globalization;
using Leadwise.Core.Outreach;
using Leadwise.Data.Storage;
using Leadwise.Server.Security;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Leadwise.Server.Endpoints;

/// <summary>
/// <c>GET /recommend?leadId=…</c> in the seed service's shape, so its clients keep working:
/// <c>{"success": true, "data": [one entry per step, by order]}</c>, errors as <c>{"success": false, "message": …}</c>
/// with 400 (missing or non-numeric id) or 404 (unknown lead), never a 500. With a promoted sequence (hazard) model
/// each step is the recommended message, with its predicted reply probability at that step and the cumulative
/// probability of a reply by then; without one, the lead's campaign's own sequence. Every step is also rendered for the lead.
/// </summary>
internal static class RecommendEndpoints
{
    private const string JsonContentType = "application/json; charset=utf-8";

    public static void Map(WebApplication app)
    {
        app.MapGet("/recommend", async (HttpRequest request, ReadStore reads, PromotedRecommender recommender, CachedLeadFacts leadFacts, IOptions<JsonOptions> json, CancellationToken cancellationToken) =>
        {
            var raw = request.Query["leadId"].ToString();
            if (string.IsNullOrWhiteSpace(raw))
            {
                return Failure(StatusCodes.Status400BadRequest, "The leadId query parameter is required, e.g. /recommend?leadId=210000003680.");
            }

            if (!long.TryParse(raw.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                return Failure(StatusCodes.Status400BadRequest, $"leadId must be a whole number; got '{raw}'.");
            }

            // The hot path: a lead asked for within the last minute is answered with the bytes written then, without
            // reading the store (a lead deleted meanwhile is still answered until the minute is up). A key bound to an
            // account takes it only after the store found the lead in that account, so another account's lead is a 404.
            var account = RequestAccount.Of(request.HttpContext.User);
            var catalog = await recommender.GetAsync(cancellationToken);
            byte[]? Remembered() => catalog is not null && catalog.Remembered.TryGetValue(new LeadId(id), out var hit) && hit.Json is { } written
                && recommender.Now - hit.At < PromotedRecommender.Catalog.RememberFor ? written : null;
            if (account is null && Remembered() is { } fast)
            {
                return Results.Bytes(fast, JsonContentType);
            }

            var lead = await reads.Store.FindLeadAsync(new LeadId(id), account, cancellationToken);
            if (lead is null)
            {
                return Failure(StatusCodes.Status404NotFound, string.Create(CultureInfo.InvariantCulture, $"There is no lead {id}."));
            }

            if (Remembered() is { } known)
            {
                return Results.Bytes(known, JsonContentType);
            }

            var steps = await StepsAsync(lead, reads.Store, recommender, leadFacts, cancellationToken);
            var body = JsonSerializer.SerializeToUtf8Bytes(new RecommendResponse(true, steps), json.Value.SerializerOptions);
            if (catalog is not null && catalog.Remembered.TryGetValue(lead.Id, out var remembered) && ReferenceEquals(remembered.Steps, steps))
            {
                catalog.Remembered.TryUpdate(lead.Id, remembered with { Json = body }, remembered);
            }

            return Results.Bytes(body, JsonContentType);
        })
        // Open and unlimited, like the seed's service: its clients send no key, and this is the hot path.
        .AllowAnonymous()
        .DisableRateLimiting()
        .WithName("Recommend")
        .WithTags("Recommend")
        .WithSummary("The message to send at each step for a lead (seed-compatible shape)");
    }

    /// <summary>
    /// The steps for a lead: the promoted sequence model's recommendation when there is one (and the lead's campaign
    /// has an invite to start from), else the campaign's own sequence. The dashboard's lead page shows the same.
    /// </summary>
    internal static async Task<IReadOnlyList<RecommendedStep>> StepsAsync(Lead lead, ILeadwiseStore store, PromotedRecommender recommender, CachedLeadFacts leadFacts, CancellationToken cancellationToken)
    {
        if (await recommender.GetAsync(cancellationToken) is { } catalog)
        {
            // A lead asked for again within a minute gets the answer computed then: the model pass costs ~2 ms of CPU,
            // the lookup microseconds, and a minute-old recommendation is as good as a new one.
            var now = recommender.Now;
            if (catalog.Remembered.TryGetValue(lead.Id, out var remembered) && now - remembered.At < PromotedRecommender.Catalog.RememberFor)
            {
                return remembered.Steps;
            }

            // The lead's account's own promoted sequence model when it has one, else the install-wide one; none when only
            // other accounts have models of their own.
            var facts = await leadFacts.ReadOneAsync(lead.Id, cancellationToken);
            if (catalog.For(facts?.Campaign?.UserId) is { } served)
            {
                try
                {
                    var recommended = served.Recommend(facts!).Recommended;
                    IReadOnlyList<RecommendedStep> steps = [.. recommended.Messages.Select((key, step) =>
                        RecommendedStep.Of(catalog.Messages[key], lead) with { PredictedReplyProbability = recommended.Hazards[step], CumulativeProbability = recommended.Cumulative[step] })];
                    catalog.Remembered[lead.Id] = new PromotedRecommender.RememberedAnswer(steps, null, now);
                    return steps;
                }
                catch (InvalidOperationException)
                {
                    // A campaign without an invite message has nothing to recommend from: answer with its own sequence.
                }
            }
        }

        var messages = await store.ReadMessagesOfCampaignAsync(lead.CampaignId, cancellationToken);
        return [.. messages.OrderBy(m => m.Order).Select(m => RecommendedStep.Of(m, lead))];
    }

    private static IResult Failure(int status, string message) => Results.Json(new RecommendFailure(false, message), statusCode: status);
}

/// <summary>The seed's success envelope.</summary>
internal sealed record RecommendResponse(bool Success, IReadOnlyList<RecommendedStep> Data);

/// <summary>The seed's error envelope.</summary>
internal sealed record RecommendFailure(bool Success, string Message);

/// <summary>
/// One step as the seed returned it (<c>interval</c> in days, null for the invite), plus the content rendered for the
/// lead and, when recommended by the model, the predicted reply probability at this step and cumulatively.
/// </summary>
internal sealed record RecommendedStep(
    int Order,
    long CampaignId,
    string? Name,
    string? Content,
    string? MaleSalutation,
    string? FemaleSalutation,
    double? Interval,
    string MessageId,
    string RenderedContent)
{
    public double? PredictedReplyProbability { get; init; }

    public double? CumulativeProbability { get; init; }

    public static RecommendedStep Of(Message message, Lead lead) => new(
        message.Order,
        message.CampaignId.Value,
        message.Name,
        message.Content,
        message.MaleSalutation,
        message.FemaleSalutation,
        message.IntervalDays,
        message.Key.ToString(),
        MessageRenderer.Render(message, lead));
}
