using System.Net;
using System.Text;
using System.Text.Json;
using Leadwise.Core.Engagement;
using Leadwise.Core.Outreach;
using Leadwise.Data.Import;
using Leadwise.Data.Postgres;
using Leadwise.Generator;
using Leadwise.Generator.Writing;
using Leadwise.Testing.Postgres;

namespace Leadwise.Server.Tests;

/// <summary>
/// A NUL character (U+0000) in any text of a JSON body is a 400 naming the item and field, and nothing of the request is
/// stored, on SQLite as on PostgreSQL (whose text cannot hold it: without the check the insert failed there).
/// </summary>
public abstract class NulInJsonTests : JobNodeTestBase
{
    [SkippableFact]
    public async Task AnEventBatchWithNulInTwoEvents_IsRefusedNamingEachEventAndField_AndNothingIsStored()
    {
        // Given: a store with generated leads, and a batch whose events 1 and 2 hold a NUL (2 in a property value)
        var (node, store, leadId) = await StartAsync();
        await using var _ = node;
        await using var __ = store;
        var eventsBefore = await CountEventsAsync(store, leadId);
        var body = $$"""
            [{"leadId": {{leadId}}, "type": "page_view", "occurredAt": "2026-01-02T10:00:00Z", "clientEventId": "crm-ok"},
             {"leadId": {{leadId}}, "type": "page_view", "occurredAt": "2026-01-02T10:01:00Z", "url": "https://example.com/a\u0000b"},
             {"leadId": {{leadId}}, "type": "download", "occurredAt": "2026-01-02T10:02:00Z", "clientEventId": "crm-nul",
              "properties": {"seconds": 4, "note": "x\u0000"} }]
            """;

        // When
        var response = await node.PostAsync("/api/events", Json(body));

        // Then
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await JobNode.JsonAsync(response)).GetProperty("errors");
        Assert.Equal(["[1].url", "[2].properties.note"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.StartsWith("Event 1: holds a NUL character (U+0000)", Single(errors, "[1].url"), StringComparison.Ordinal);
        Assert.StartsWith("Event 2 (clientEventId \"crm-nul\"): holds a NUL character (U+0000)", Single(errors, "[2].properties.note"), StringComparison.Ordinal);
        Assert.Equal(eventsBefore, await CountEventsAsync(store, leadId)); // not even the good first event
    }

    [SkippableFact]
    public async Task ASingleEventWithNulInItsType_IsRefusedAsItemZero_AndWithoutItItIsStored_WhileAnEscapedBackslashIsPlainText()
    {
        // Given
        var (node, store, leadId) = await StartAsync();
        await using var _ = node;
        await using var __ = store;
        var eventsBefore = await CountEventsAsync(store, leadId);
        const string Event = """{"leadId": LEAD, "type": "TYPE", "occurredAt": "2026-01-03T08:00:00Z", "clientEventId": "crm-single", "campaign": "c:\\u0000 is text"}""";

        // When: with a NUL in the type, then with the type as it should be (the campaign is a backslash and "u0000": text)
        var refused = await node.PostAsync("/api/events", Json(Event.Replace("LEAD", $"{leadId}", StringComparison.Ordinal).Replace("TYPE", "page_view\\u0000", StringComparison.Ordinal)));
        var afterRefusal = await CountEventsAsync(store, leadId);
        var accepted = await node.PostAsync("/api/events", Json(Event.Replace("LEAD", $"{leadId}", StringComparison.Ordinal).Replace("TYPE", "page_view", StringComparison.Ordinal)));

        // Then
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await JobNode.JsonAsync(refused)).GetProperty("errors");
        Assert.StartsWith("Event 0 (clientEventId \"crm-single\"): holds a NUL", Single(errors, "[0].type"), StringComparison.Ordinal);
        Assert.Equal(eventsBefore, afterRefusal);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(1, (await JobNode.JsonAsync(accepted)).GetProperty("stored").GetInt32());
        var stored = Assert.Single(await EventsAsync(store, leadId), e => e.ClientEventId == "crm-single");
        Assert.Equal("c:\\u0000 is text", stored.Campaign);
    }

    [SkippableFact]
    public async Task OtherJsonBodies_WithNulInAValueOrAPropertyName_AreRefusedNamingThePlace_AndQueueNoJob()
    {
        // Given
        var (node, store, _) = await StartAsync();
        await using var _1 = node;
        await using var _2 = store;

        // When: a score job whose body has a NUL in an (unknown) value, a posted lead with one in its name, a property name with one
        var job = await node.PostAsync("/api/jobs/score", Json("""{"asOf": "2026-01-01T00:00:00Z", "note": "\u0000"}"""));
        var lead = await node.PostAsync("/api/score", Json("""{"firstName": "Ann\u0000", "lastName": "Lee", "title": "CEO"}"""));
        var name = await node.PostAsync("/api/jobs/train", Json("""{"folds": 3, "a\u0000b": true}"""));

        // Then
        Assert.All(new[] { job, lead, name }, r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        Assert.StartsWith("Holds a NUL character (U+0000)", Single((await JobNode.JsonAsync(job)).GetProperty("errors"), "note"), StringComparison.Ordinal);
        Assert.StartsWith("Holds a NUL character", Single((await JobNode.JsonAsync(lead)).GetProperty("errors"), "firstName"), StringComparison.Ordinal);
        Assert.StartsWith("The property name \"a\\u0000b\" holds a NUL character", Single((await JobNode.JsonAsync(name)).GetProperty("errors"), "body"), StringComparison.Ordinal);
        Assert.Empty(await ReadAllAsync(store.ReadJobsAsync(CancellationToken.None)));
    }

    private async Task<(JobNode Node, Data.Storage.ILeadwiseStore Store, long LeadId)> StartAsync()
    {
        var location = await CreateLocationAsync();
        var export = Directory.File($"export-{Guid.NewGuid():N}");
        await new GeneratedExportWriter().WriteAsync(new OutreachGenerator().Generate(new GeneratorOptions { LeadCount = 200, Seed = 5 }), export, null, CancellationToken.None);
        var store = await StoreFactory.OpenAsync(location, mustExist: false, CancellationToken.None);
        Assert.True((await new OutreachImporter(store).ImportAsync(export, new ImportOptions(), null, CancellationToken.None)).Committed);
        var leadId = (await ReadAllAsync(store.ReadLeadsAsync(CancellationToken.None)))[0].Id.Value;
        var secret = await JobNode.CreateKeyAsync(location);
        return (JobNode.Start(location, secret, "nul-node"), store, leadId);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static string Single(JsonElement errors, string key) =>
        Assert.Single(errors.GetProperty(key).EnumerateArray()).GetString()!;

    private static async Task<int> CountEventsAsync(Data.Storage.ILeadwiseStore store, long leadId) => (await EventsAsync(store, leadId)).Count;

    private static Task<List<EngagementEvent>> EventsAsync(Data.Storage.ILeadwiseStore store, long leadId) =>
        ReadAllAsync(store.ReadEventsOfLeadAsync(new LeadId(leadId), CancellationToken.None));

    private static async Task<List<T>> ReadAllAsync<T>(IAsyncEnumerable<T> rows)
    {
        var list = new List<T>();
        await foreach (var row in rows)
        {
            list.Add(row);
        }

        return list;
    }
}

public sealed class SqliteNulInJsonTests : NulInJsonTests
{
    private protected override Task<string> CreateLocationAsync() => Task.FromResult(NewSqliteLocation());
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresNulInJsonTests(PostgresServerFixture postgres) : NulInJsonTests
{
    private protected override Task<string> CreateLocationAsync() => postgres.CreateStoreLocationAsync(CancellationToken.None);
}
