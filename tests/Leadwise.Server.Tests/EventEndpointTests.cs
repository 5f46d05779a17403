using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Leadwise.Core.Engagement;
using Leadwise.Core.Outreach;
using Leadwise.Data.Sqlite;

namespace Leadwise.Server.Tests;

/// <summary><c>POST /api/events</c> on a generated store of this class's own (the tests store events in it).</summary>
public sealed class EventEndpointTests(ServerStore server) : IClassFixture<ServerStore>
{
    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private async Task<HttpResponseMessage> PostAsync(object body, string? secret)
    {
        var request = ApiKeys.Request(HttpMethod.Post, "/api/events", secret, content: JsonContent.Create(body));
        return await server.WithModel.CreateClient().SendAsync(request);
    }

    /// <summary>A lead that has never viewed the demo page, and how many events it has.</summary>
    private async Task<(long LeadId, int Events)> LeadWithoutDemoViewAsync()
    {
        await using var store = await SqliteLeadwiseStore.OpenAsync(server.Database, CancellationToken.None);
        await foreach (var lead in store.ReadLeadsAsync(CancellationToken.None))
        {
            var events = await EventsOfAsync(store, lead.Id);
            if (events.Count > 0 && !events.Any(e => e.Type == EventTypes.DemoPageView))
            {
                return (lead.Id.Value, events.Count);
            }
        }

        throw new InvalidOperationException("The generated store has no lead with events but without a demo page view.");
    }

    private async Task<int> CountEventsAsync(long leadId)
    {
        await using var store = await SqliteLeadwiseStore.OpenAsync(server.Database, CancellationToken.None);
        return (await EventsOfAsync(store, new LeadId(leadId))).Count;
    }

    private static async Task<List<EngagementEvent>> EventsOfAsync(SqliteLeadwiseStore store, LeadId leadId)
    {
        var events = new List<EngagementEvent>();
        await foreach (var engagementEvent in store.ReadEventsOfLeadAsync(leadId, CancellationToken.None))
        {
            events.Add(engagementEvent);
        }

        return events;
    }

    [Fact]
    public async Task ABatchPostedTwice_IsStoredOnce_AndTheLeadsScoreRisesAndIsStored()
    {
        // Given
        var (_, secret) = await ApiKeys.CreateAsync(server.Database, "crm");
        var (leadId, eventsBefore) = await LeadWithoutDemoViewAsync();
        var totalBefore = (await JsonAsync(await server.WithModel.CreateClient().GetAsync($"/api/leads/{leadId}"))).GetProperty("points").GetProperty("total").GetDouble();
        var now = DateTimeOffset.UtcNow;
        var batch = new object[]
        {
            new { leadId, type = EventTypes.DemoPageView, occurredAt = now.AddMinutes(-5), clientEventId = $"demo-{leadId}", url = "https://example.com/demo" },
            new { leadId, type = EventTypes.PageView, occurredAt = now.AddMinutes(-4), clientEventId = $"view-{leadId}", properties = new { seconds = 42, source = "ad" } },
        };

        // When
        var first = await PostAsync(batch, secret);
        var second = await PostAsync(batch, secret);

        // Then
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var firstBody = await JsonAsync(first);
        Assert.Equal((2, 2, 0), (firstBody.GetProperty("received").GetInt32(), firstBody.GetProperty("stored").GetInt32(), firstBody.GetProperty("alreadyPresent").GetInt32()));
        var score = Assert.Single(firstBody.GetProperty("scores").EnumerateArray());
        Assert.Equal(leadId, score.GetProperty("leadId").GetInt64());
        var totalAfter = score.GetProperty("total").GetDouble();
        Assert.InRange(totalAfter - totalBefore, 14.9, 17.1); // the demo page's 15 points and up to 2 for the view (capped at 10)

        var secondBody = await JsonAsync(second);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal((2, 0, 2), (secondBody.GetProperty("received").GetInt32(), secondBody.GetProperty("stored").GetInt32(), secondBody.GetProperty("alreadyPresent").GetInt32()));
        Assert.Equal(eventsBefore + 2, await CountEventsAsync(leadId));

        await using var store = await SqliteLeadwiseStore.OpenAsync(server.Database, CancellationToken.None);
        var stored = await store.FindScoreAsync(new LeadId(leadId), CancellationToken.None);
        Assert.Equal(secondBody.GetProperty("scores")[0].GetProperty("total").GetDouble(), stored!.Total, 6);
        var demo = (await EventsOfAsync(store, new LeadId(leadId))).Single(e => e.ClientEventId == $"view-{leadId}");
        Assert.Equal(("42", "ad"), (demo.Properties["seconds"], demo.Properties["source"]));
    }

    /// <summary>A lead with or without an invite sent whose campaign has messages.</summary>
    private async Task<long> LeadAsync(bool invited)
    {
        await using var store = await SqliteLeadwiseStore.OpenAsync(server.Database, CancellationToken.None);
        await foreach (var lead in store.ReadLeadsAsync(CancellationToken.None))
        {
            if ((lead.InviteSentAt is not null) == invited && lead.Id.Value != server.KnownLeadId)
            {
                return lead.Id.Value;
            }
        }

        throw new InvalidOperationException($"The generated store has no lead with invited = {invited}.");
    }

    private async Task<double> LiveModelProbabilityAsync(long leadId) =>
        (await JsonAsync(await server.WithModel.CreateClient().GetAsync($"/api/leads/{leadId}"))).GetProperty("model").GetProperty("probability").GetDouble();

    private static object[] EngagementBurst(long leadId, string prefix, DateTimeOffset now) =>
    [
        new { leadId, type = EventTypes.DemoPageView, occurredAt = now.AddMinutes(-9), clientEventId = $"{prefix}-demo-{leadId}" },
        new { leadId, type = EventTypes.PricingPageView, occurredAt = now.AddMinutes(-8), clientEventId = $"{prefix}-pricing-{leadId}" },
        new { leadId, type = EventTypes.EmailClick, occurredAt = now.AddMinutes(-7), clientEventId = $"{prefix}-click-{leadId}" },
        new { leadId, type = EventTypes.PageView, occurredAt = now.AddMinutes(-6), clientEventId = $"{prefix}-view-{leadId}" },
    ];

    [Fact]
    public async Task EventsOfALeadNotYetInvited_ChangeItsModelScore_WhichIsReturnedAndStored()
    {
        // Given: a lead scored as if invited now, so events before now are among its features
        var (_, secret) = await ApiKeys.CreateAsync(server.Database, "crm");
        var leadId = await LeadAsync(invited: false);
        var before = await LiveModelProbabilityAsync(leadId);

        // When
        var response = await PostAsync(EngagementBurst(leadId, "pre-invite", DateTimeOffset.UtcNow), secret);

        // Then
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var score = Assert.Single((await JsonAsync(response)).GetProperty("scores").EnumerateArray());
        var model = score.GetProperty("model");
        var probability = model.GetProperty("probability").GetDouble();
        Assert.NotEqual(before, probability, 6);
        Assert.Equal(await LiveModelProbabilityAsync(leadId), probability, 4);

        await using var store = await SqliteLeadwiseStore.OpenAsync(server.Database, CancellationToken.None);
        var stored = await store.FindModelScoreAsync(new LeadId(leadId), CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal(probability, stored.Probability, 12);
        Assert.Equal((model.GetProperty("version").GetInt32(), model.GetProperty("score").GetInt32(), model.GetProperty("grade").GetString()), (stored.ModelVersion, stored.Score, stored.Grade));
        // The store keeps microseconds; the answer has the clock's full ticks.
        Assert.Equal(score.GetProperty("asOf").GetDateTimeOffset(), stored.AsOf, TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task EventsAfterALeadsInvite_LeaveItsModelProbability_BecauseTheModelSeesTheLeadAsAtItsInvite()
    {
        var (_, secret) = await ApiKeys.CreateAsync(server.Database, "crm");
        var leadId = await LeadAsync(invited: true);
        var before = await LiveModelProbabilityAsync(leadId);

        var response = await PostAsync(EngagementBurst(leadId, "post-invite", DateTimeOffset.UtcNow), secret);

        var model = Assert.Single((await JsonAsync(response)).GetProperty("scores").EnumerateArray()).GetProperty("model");
        Assert.Equal(before, model.GetProperty("probability").GetDouble(), 12);
    }

    [Fact]
    public async Task WithoutAPromotedModel_EventsUpdateOnlyThePoints()
    {
        var (_, secret) = await ApiKeys.CreateAsync(server.DatabaseWithoutModel, "crm");
        var request = ApiKeys.Request(HttpMethod.Post, "/api/events", secret, content: JsonContent.Create(new { leadId = server.KnownLeadId, type = EventTypes.PageView, occurredAt = DateTimeOffset.UtcNow }));

        var response = await server.WithoutModel.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var score = Assert.Single((await JsonAsync(response)).GetProperty("scores").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, score.GetProperty("model").ValueKind);
        Assert.Equal(server.KnownLeadId, score.GetProperty("leadId").GetInt64());
    }

    [Fact]
    public async Task OneEventWithoutAClientId_IsDeduplicatedByLeadTypeTimeAndUrl()
    {
        var (_, secret) = await ApiKeys.CreateAsync(server.Database, "forms");
        var (leadId, eventsBefore) = await LeadWithoutDemoViewAsync();
        var one = new { leadId, type = "webinar_signup", occurredAt = "2026-11-20T08:00:00+01:00", url = "https://example.com/webinar" };

        var first = await JsonAsync(await PostAsync(one, secret));
        var again = await JsonAsync(await PostAsync(one, secret));

        Assert.Equal(1, first.GetProperty("stored").GetInt32());
        Assert.Equal(1, again.GetProperty("alreadyPresent").GetInt32());
        Assert.Contains("unknown event type \"webinar_signup\"", Assert.Single(first.GetProperty("warnings").EnumerateArray()).GetString(), StringComparison.Ordinal);
        Assert.Equal(eventsBefore + 1, await CountEventsAsync(leadId));
    }

    [Fact]
    public async Task ABatchWithAnUnknownLead_IsAProblemNamingTheItemAndField_AndStoresNothing()
    {
        var (_, secret) = await ApiKeys.CreateAsync(server.Database, "crm");
        var (leadId, eventsBefore) = await LeadWithoutDemoViewAsync();
        var batch = new object[]
        {
            new { leadId, type = EventTypes.EmailOpen, occurredAt = DateTimeOffset.UtcNow, clientEventId = $"open-{leadId}" },
            new { leadId = 999, type = EventTypes.EmailOpen, occurredAt = DateTimeOffset.UtcNow },
            new { leadId, occurredAt = "yesterday" },
            new { leadId, type = EventTypes.EmailClick, occurredAt = DateTimeOffset.UtcNow, clientEventId = $"open-{leadId}" },
            new { leadId, type = EventTypes.EmailClick, occurredAt = DateTimeOffset.UtcNow.AddDays(3) },
        };

        var response = await PostAsync(batch, secret);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await JsonAsync(response)).GetProperty("errors");
        Assert.Equal(["[1].leadId", "[2].occurredAt", "[3].clientEventId", "[4].occurredAt"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal("There is no lead 999.", errors.GetProperty("[1].leadId")[0].GetString());
        Assert.Equal("Item 0 has the same clientEventId.", errors.GetProperty("[3].clientEventId")[0].GetString());
        Assert.Equal("The event is dated more than a day after the server's clock.", errors.GetProperty("[4].occurredAt")[0].GetString());
        Assert.Equal(eventsBefore, await CountEventsAsync(leadId));
    }

    [Fact]
    public async Task EmptyAndOversizedBatches_AndMissingFields_AreValidationProblems()
    {
        var (_, secret) = await ApiKeys.CreateAsync(server.Database, "crm");
        var tooMany = Enumerable.Range(0, 1001).Select(i => new { leadId = server.KnownLeadId, type = EventTypes.PageView, occurredAt = DateTimeOffset.UtcNow, clientEventId = $"many-{i}" }).ToArray();

        var empty = await PostAsync(Array.Empty<object>(), secret);
        var over = await PostAsync(tooMany, secret);
        var missing = await PostAsync(new { }, secret);

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("got an array of 0", (await JsonAsync(empty)).GetProperty("errors").GetProperty("body")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("1 to 1000 events", (await JsonAsync(over)).GetProperty("errors").GetProperty("body")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(["[0].leadId", "[0].occurredAt", "[0].type"], (await JsonAsync(missing)).GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Events_NeedAWriteKey_EvenWithOpenReads()
    {
        var response = await PostAsync(new { leadId = server.KnownLeadId, type = EventTypes.PageView, occurredAt = DateTimeOffset.UtcNow }, secret: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("API key required", (await JsonAsync(response)).GetProperty("title").GetString());
    }
}
