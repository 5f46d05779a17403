using System.Net;
using System.Text.Json;
using Leadwise.Core.Models;
using Leadwise.Data.Sqlite;

namespace Leadwise.Server.Tests;

/// <summary><c>POST /api/models/{version}/promote</c> on a generated store of this class's own (the tests promote in it).</summary>
public sealed class ModelEndpointTests(ServerStore server) : IClassFixture<ServerStore>
{
    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private Task<HttpResponseMessage> PromoteAsync(HttpClient client, int version, string? secret) =>
        client.SendAsync(ApiKeys.Request(HttpMethod.Post, $"/api/models/{version}/promote", secret));

    /// <summary>Saves a conversion model version with the given bytes (a copy of version 1 when null).</summary>
    private async Task<int> SaveConversionAsync(byte[]? artifact = null)
    {
        await using var store = await SqliteLeadwiseStore.OpenAsync(server.Database, CancellationToken.None);
        var first = (await store.FindModelAsync(1, CancellationToken.None))!;
        artifact ??= await store.ReadModelArtifactAsync(1, CancellationToken.None);
        return (await store.SaveModelAsync(ModelKinds.Conversion, DateTimeOffset.UtcNow, first.Summary, first.MetadataJson, artifact!, CancellationToken.None)).Version;
    }

    private async Task<IReadOnlyList<ModelPromotion>> PromotionsAsync(string kind)
    {
        await using var store = await SqliteLeadwiseStore.OpenAsync(server.Database, CancellationToken.None);
        return await store.ReadPromotionsAsync(kind, CancellationToken.None);
    }

    [Fact]
    public async Task List_ShowsBothKinds_WithOnePromotedEach_AndShow_GivesAVersionsHeldOutMetrics()
    {
        var client = server.WithModel.CreateClient();

        var list = (await JsonAsync(await client.GetAsync("/api/models"))).EnumerateArray().ToList();
        var conversion = await JsonAsync(await client.GetAsync("/api/models/1"));
        var hazard = await JsonAsync(await client.GetAsync("/api/models/2"));
        var missing = await client.GetAsync("/api/models/999");

        Assert.Equal(["conversion", "hazard"], list.Select(v => v.GetProperty("kind").GetString()).Distinct().Order());
        foreach (var kind in new[] { "conversion", "hazard" })
        {
            Assert.Single(list, v => v.GetProperty("kind").GetString() == kind && v.GetProperty("promoted").GetBoolean());
        }

        Assert.InRange(conversion.GetProperty("metrics").GetProperty("metrics").GetProperty("rocAuc").GetDouble(), 0.55, 0.95);
        Assert.Equal("conversion", conversion.GetProperty("kind").GetString());
        Assert.Equal("reply hazard", hazard.GetProperty("metrics").GetProperty("hazard").GetProperty("stage").GetString());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("version", (await JsonAsync(missing)).GetProperty("field").GetString());
    }

    [Fact]
    public async Task Promote_SwitchesTheServersModel_AtTheNextRequest_ForBothKinds()
    {
        // Given: version 1 (conversion) is promoted and served; version 2 is the promoted hazard model
        var (_, secret) = await ApiKeys.CreateAsync(server.Database, "ops");
        var copy = await SaveConversionAsync();
        var client = server.WithModel.CreateClient();
        Assert.Equal(1, (await JsonAsync(await client.GetAsync("/health/ready"))).GetProperty("modelVersion").GetInt32());

        // When
        var promoted = await PromoteAsync(client, copy, secret);
        var ready = await JsonAsync(await client.GetAsync("/health/ready"));
        var hazard = await PromoteAsync(client, 2, secret);

        // Then
        Assert.Equal(HttpStatusCode.OK, promoted.StatusCode);
        var body = await JsonAsync(promoted);
        Assert.Equal((copy, "conversion"), (body.GetProperty("version").GetInt32(), body.GetProperty("kind").GetString()));
        Assert.Equal(copy, ready.GetProperty("modelVersion").GetInt32());
        Assert.Equal(copy, (await PromotionsAsync(ModelKinds.Conversion))[^1].Version);
        Assert.Equal(HttpStatusCode.OK, hazard.StatusCode);
        Assert.Equal("hazard", (await JsonAsync(hazard)).GetProperty("kind").GetString());
        Assert.Equal([2, 2], (await PromotionsAsync(ModelKinds.Hazard)).Select(p => p.Version));
    }

    [Fact]
    public async Task Promote_UnknownOrDamagedVersions_AreProblems_AndChangeNothing()
    {
        var (_, secret) = await ApiKeys.CreateAsync(server.Database, "ops");
        var damaged = await SaveConversionAsync([1, 2, 3]);
        var client = server.WithModel.CreateClient();
        var before = await PromotionsAsync(ModelKinds.Conversion);

        var unknown = await PromoteAsync(client, 99, secret);
        var broken = await PromoteAsync(client, damaged, secret);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var problem = await JsonAsync(unknown);
        Assert.Equal("There is no model version 99; `leadwise models list` shows the versions.", problem.GetProperty("detail").GetString());
        Assert.Equal("version", problem.GetProperty("field").GetString());
        Assert.Equal(HttpStatusCode.Conflict, broken.StatusCode);
        Assert.Equal("Model version cannot be loaded", (await JsonAsync(broken)).GetProperty("title").GetString());
        Assert.Equal(before, await PromotionsAsync(ModelKinds.Conversion));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task Promote_NeedsAWriteKey()
    {
        var response = await PromoteAsync(server.WithModel.CreateClient(), 1, secret: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
