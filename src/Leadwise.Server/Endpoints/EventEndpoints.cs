using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Leadwise.Core.Engagement;
using Leadwise.Core.Models;
using Leadwise.Core.Outreach;
using Leadwise.Core.Scoring;
using Leadwise.Data.Storage;
using Leadwise.Learning.Features;
using Leadwise.Scoring.Engine;
using Leadwise.Server.Security;
using Microsoft.Extensions.Options;

namespace Leadwise.Server.Endpoints;

/// <summary>
/// <c>POST /api/events</c>: one engagement event (a JSON object) or a batch (an array of at most
/// <see cref="MaxEventsPerRequest"/>), validated as a whole before anything is stored: a bad item is a validation
/// problem naming its index and field (<c>[3].leadId</c>), and then nothing is stored. Events the store already holds
/// (same <c>clientEventId</c>, or without one the same lead, type, time and url) are counted, not stored again, so a
/// retried batch is harmless. Each lead's point score is then recomputed as of now, stored, and returned. Needs a
/// write key.
/// </summary>
internal static class EventEndpoints
{
    public const int MaxEventsPerRequest = 1000;

    private const int MaxTextLength = 2000;

    /// <summary>How far ahead of the server's clock an event may be dated: clocks differ, but not by days.</summary>
    private static readonly TimeSpan MaxClockSkew = TimeSpan.FromDays(1);

    private static readonly HashSet<string> KnownTypes = new(EventTypes.All, StringComparer.Ordinal);

    public static void Map(WebApplication app)
    {
        app.MapPost("/api/events", PostAsync)
            .RequireAuthorization(LeadwisePolicies.Write)
            .ServesAccountKeys()
            .WithMetadata(new JsonBodyItems("Event", "clientEventId")) // a NUL in any text is refused naming [i] and the client's id
            .WithTags("Events")
            .WithSummary("Store one engagement event or a batch (idempotent by clientEventId) and rescore their leads");
    }

    private static async Task<IResult> PostAsync(
        JsonElement body,
        ClaimsPrincipal user,
        ILeadwiseStore store,
        CachedLeadFacts leadFacts,
        ScoringEngine engine,
        PromotedModel model,
        TimeProvider time,
        IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json,
        CancellationToken cancellationToken)
    {
        IReadOnlyList<JsonElement> items = body.ValueKind switch
        {
            JsonValueKind.Object => [body],
            JsonValueKind.Array => [.. body.EnumerateArray()],
            _ => [],
        };
        if (body.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array) || items.Count == 0 || items.Count > MaxEventsPerRequest)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]>
            {
                ["body"] = [string.Create(CultureInfo.InvariantCulture, $"Send one event (a JSON object) or 1 to {MaxEventsPerRequest} events (a JSON array); got {Describe(body, items.Count)}.")],
            });
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var warnings = new List<string>();
        var events = new List<EngagementEvent>(items.Count);
        var knownLeads = new Dictionary<long, bool>();
        var clientIds = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var at = string.Create(CultureInfo.InvariantCulture, $"[{i}]");
            EventRequest? request;
            try
            {
                request = items[i].ValueKind == JsonValueKind.Object ? items[i].Deserialize<EventRequest>(json.Value.SerializerOptions) : null;
            }
            catch (JsonException exception)
            {
                errors[at + (exception.Path ?? "$").TrimStart('$')] = ["Not a value of the expected type (see the OpenAPI document)."];
                continue;
            }

            if (request is null)
            {
                errors[at] = ["Each event must be a JSON object."];
                continue;
            }

            if (await ValidateAsync(request, at, i, time.GetUtcNow(), store, RequestAccount.Of(user), knownLeads, clientIds, errors, warnings, cancellationToken) is { } valid)
            {
                events.Add(valid);
            }
        }

        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors, detail: "Nothing was stored: fix the items named below and send the request again.");
        }

        var stored = 0;
        await using (var writer = await store.BeginWriteAsync(StoreWriteMode.Incremental, cancellationToken))
        {
            foreach (var engagementEvent in events)
            {
                stored += await writer.UpsertAsync(engagementEvent, cancellationToken) ? 1 : 0;
            }

            await writer.CommitAsync(cancellationToken);
        }

        // Scored after the events are committed, because the facts are read from the store (the primary: a replica may
        // not have replayed these events yet, and the answer must include them); if this step fails the
        // events stay stored and the next post (or `leadwise score`) brings the scores up to date. The model score is
        // refreshed too: a lead not yet invited is scored as if invited now, so events before that moment are features.
        var now = time.GetUtcNow();
        var messagesOfCampaign = new Dictionary<CampaignId, IReadOnlyList<Message>>();
        var scores = new List<(LeadScore Points, ModelScore? Model)>();
        foreach (var leadId in events.Select(e => e.LeadId).Distinct())
        {
            if (await leadFacts.ReadOneFromPrimaryAsync(leadId, cancellationToken) is not { } facts)
            {
                continue;
            }

            ModelScore? modelScore = null;
            if (await model.GetAsync(facts.Campaign?.UserId, cancellationToken) is { } promoted)
            {
                if (!messagesOfCampaign.TryGetValue(facts.Lead.CampaignId, out var messages))
                {
                    messages = messagesOfCampaign[facts.Lead.CampaignId] = await store.ReadMessagesOfCampaignAsync(facts.Lead.CampaignId, cancellationToken);
                }

                var prediction = promoted.Model.Predict(PreContactFacts.ForScoring(facts, messages, now));
                modelScore = new ModelScore(leadId, promoted.Version, prediction.Probability, prediction.Score, prediction.Grade, now);
            }

            scores.Add((engine.Score(facts, now), modelScore));
        }

        await using (var writer = await store.BeginWriteAsync(StoreWriteMode.Incremental, cancellationToken))
        {
            foreach (var (points, modelScore) in scores)
            {
                await writer.UpsertAsync(points, cancellationToken);
                if (modelScore is not null)
                {
                    await writer.UpsertAsync(modelScore, cancellationToken);
                }
            }

            await writer.CommitAsync(cancellationToken);
        }

        return Results.Ok(new EventsResponse(
            events.Count,
            stored,
            events.Count - stored,
            [.. scores.Select(s => new EventScoreView(
                s.Points.LeadId.Value,
                s.Points.Total,
                s.Points.Grade,
                s.Points.Subtotals.ToDictionary(p => p.Key.ToString(), p => p.Value),
                s.Points.AsOf,
                s.Model is { } m ? new EventModelScoreView(m.ModelVersion, m.Probability, m.Score, m.Grade) : null))],
            warnings));
    }

    private static async Task<EngagementEvent?> ValidateAsync(
        EventRequest request,
        string at,
        int index,
        DateTimeOffset now,
        ILeadwiseStore store,
        UserId? account,
        Dictionary<long, bool> knownLeads,
        Dictionary<string, int> clientIds,
        Dictionary<string, string[]> errors,
        List<string> warnings,
        CancellationToken cancellationToken)
    {
        var before = errors.Count;
        void Fail(string field, string message) => errors[$"{at}.{field}"] = [message];

        if (request.LeadId is not { } leadId)
        {
            Fail("leadId", "A lead id is required.");
        }
        else
        {
            if (!knownLeads.TryGetValue(leadId, out var exists))
            {
                // Scoped to the key's account: another account's lead is "no lead", exactly as a missing one.
                exists = knownLeads[leadId] = await store.FindLeadAsync(new LeadId(leadId), account, cancellationToken) is not null;
            }

            if (!exists)
            {
                Fail("leadId", string.Create(CultureInfo.InvariantCulture, $"There is no lead {leadId}."));
            }
        }

        if (string.IsNullOrWhiteSpace(request.Type))
        {
            Fail("type", $"An event type is required, e.g. {EventTypes.PageView}.");
        }
        else if (request.Type.Length > 100)
        {
            Fail("type", "At most 100 characters.");
        }
        else if (!KnownTypes.Contains(request.Type))
        {
            warnings.Add($"{at}.type: unknown event type \"{request.Type}\"; stored, but no default rule scores it.");
        }

        if (request.OccurredAt is null)
        {
            Fail("occurredAt", "The time of the event is required (ISO 8601 with an offset, e.g. 2026-11-23T09:30:00Z).");
        }
        else if (request.OccurredAt > now + MaxClockSkew)
        {
            Fail("occurredAt", "The event is dated more than a day after the server's clock.");
        }

        if (request.ClientEventId is { } clientId)
        {
            if (clientId.Length is 0 or > 200)
            {
                Fail("clientEventId", "1 to 200 characters when given.");
            }
            else if (!clientIds.TryAdd(clientId, index))
            {
                Fail("clientEventId", string.Create(CultureInfo.InvariantCulture, $"Item {clientIds[clientId]} has the same clientEventId."));
            }
        }

        foreach (var (field, value) in new[] { ("url", request.Url), ("campaign", request.Campaign) })
        {
            if (value?.Length > MaxTextLength)
            {
                Fail(field, string.Create(CultureInfo.InvariantCulture, $"At most {MaxTextLength} characters."));
            }
        }

        if (errors.Count > before)
        {
            return null;
        }

        return new EngagementEvent
        {
            LeadId = new LeadId(request.LeadId!.Value),
            Type = request.Type!,
            OccurredAt = request.OccurredAt!.Value.ToUniversalTime(),
            ClientEventId = request.ClientEventId,
            Url = request.Url,
            Campaign = request.Campaign,
            Properties = request.Properties is null ? ExtraFields.None : ExtraFields.From(request.Properties.Select(p => KeyValuePair.Create(
                p.Key,
                p.Value.ValueKind switch
                {
                    JsonValueKind.Null or JsonValueKind.Undefined => null,
                    JsonValueKind.String => p.Value.GetString(),
                    _ => p.Value.GetRawText(),
                }))),
        };
    }

    private static string Describe(JsonElement body, int count) => body.ValueKind switch
    {
        JsonValueKind.Array => string.Create(CultureInfo.InvariantCulture, $"an array of {count}"),
        JsonValueKind.Object => "an object",
        var kind => kind.ToString().ToLowerInvariant(),
    };
}

/// <summary>One posted engagement event; <c>properties</c> values are kept as text.</summary>
internal sealed record EventRequest(
    long? LeadId,
    string? Type,
    DateTimeOffset? OccurredAt,
    string? ClientEventId,
    string? Url,
    string? Campaign,
    Dictionary<string, JsonElement>? Properties);

/// <summary>What a post stored (<c>alreadyPresent</c>: events the store held before) and each lead's new point score.</summary>
internal sealed record EventsResponse(int Received, int Stored, int AlreadyPresent, IReadOnlyList<EventScoreView> Scores, IReadOnlyList<string> Warnings);

/// <summary>
/// A lead's point score after the post (total, grade and subtotal per scoring model, as of the post) and, with a
/// promoted conversion model, its refreshed model score (<c>null</c> without one).
/// </summary>
internal sealed record EventScoreView(long LeadId, double Total, string Grade, IReadOnlyDictionary<string, double> Subtotals, DateTimeOffset AsOf, EventModelScoreView? Model);

/// <summary>The promoted model's view of a lead after the post: its version, calibrated probability, 0–100 score and grade.</summary>
internal sealed record EventModelScoreView(int Version, double Probability, int Score, string Grade);
