using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Leadwise.Core.Access;
using Leadwise.Core.Engagement;
using Leadwise.Core.Outreach;
using Leadwise.Data.Postgres;
using Leadwise.Data.Storage;
using Leadwise.Data.Transfer;
using Leadwise.Testing.Postgres;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Leadwise.Server.Tests;

/// <summary>
/// A node with <c>Leadwise:ReadDatabase</c> on a streaming standby of its PostgreSQL primary: reads come from the standby
/// (shown by pausing its replay), a write's own answer comes from the primary, and replicated rows appear once replay
/// catches up.
/// </summary>
public sealed class ReadReplicaTests(ServerStore generated, PostgresReplicaFixture replication) : IClassFixture<ServerStore>, IClassFixture<PostgresReplicaFixture>
{
    [SkippableFact]
    public async Task Should_AnswerAPostFromThePrimary_WhileGetServesTheReplicasOlderScore_UntilReplayResumes()
    {
        // Given: the generated store on the primary, replicated, and a node reading from the standby
        var (primary, replica) = await ReplicatedStoreAsync();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow); // one "now" for both scores, so decay cannot tell them apart
        await using var node = Host(primary, replica, time);
        var client = node.CreateClient();
        var before = await PointsAsync(client, generated.KnownLeadId);
        var secret = await CreateKeyAsync(node.Services.GetRequiredService<ILeadwiseStore>());

        // When: replay stops, and an event that scores is posted (stored on the primary)
        await replication.RequireReplica().PauseReplayAsync(CancellationToken.None);
        double posted;
        double whilePaused;
        try
        {
            var response = await client.SendAsync(ApiKeys.Request(HttpMethod.Post, "/api/events", secret, content: JsonContent.Create(
                new { leadId = generated.KnownLeadId, type = EventTypes.DemoPageView, occurredAt = time.GetUtcNow().AddMinutes(-1), clientEventId = "replica-demo" })));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            posted = (await JsonAsync(response)).GetProperty("scores")[0].GetProperty("total").GetDouble();
            whilePaused = await PointsAsync(client, generated.KnownLeadId);
        }
        finally
        {
            await replication.RequireReplica().ResumeReplayAsync(CancellationToken.None);
        }

        // Then: the post's answer has the event's points, the replica's read did not, and after replay it does
        Assert.True(posted > before, $"the demo page view scores: {before} before, {posted} after");
        Assert.Equal(before, whilePaused);
        await replication.RequireReplica().WaitForReplayAsync(CancellationToken.None);
        Assert.Equal(posted, await PointsAsync(client, generated.KnownLeadId));
    }

    [SkippableFact]
    public async Task Should_ShowALeadWrittenOnThePrimary_OnlyOnceTheReplicaHasReplayedIt()
    {
        // Given
        var (primary, replica) = await ReplicatedStoreAsync();
        await using var node = Host(primary, replica, TimeProvider.System);
        var client = node.CreateClient();
        var known = (await node.Services.GetRequiredService<ILeadwiseStore>().FindLeadAsync(new LeadId(generated.KnownLeadId), CancellationToken.None))!;
        var newLead = known with { Id = new LeadId(known.Id.Value + 1_000_000_007), Email = "replica.lead@example.com" };
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/leads/{newLead.Id.Value}")).StatusCode);

        // When: the lead is written on the primary while replay is paused
        await replication.RequireReplica().PauseReplayAsync(CancellationToken.None);
        HttpStatusCode whilePaused;
        JsonElement health;
        try
        {
            await using (var writer = await node.Services.GetRequiredService<ILeadwiseStore>().BeginWriteAsync(StoreWriteMode.Incremental, CancellationToken.None))
            {
                await writer.UpsertAsync(newLead, CancellationToken.None);
                await writer.CommitAsync(CancellationToken.None);
            }

            whilePaused = (await client.GetAsync($"/api/leads/{newLead.Id.Value}")).StatusCode;
            health = await JsonAsync(await client.GetAsync("/health/ready"));
        }
        finally
        {
            await replication.RequireReplica().ResumeReplayAsync(CancellationToken.None);
        }

        // Then: unseen while paused (the primary counts one lead more than the replica), seen after replay
        Assert.Equal(HttpStatusCode.NotFound, whilePaused);
        Assert.Equal(health.GetProperty("leads").GetInt64() - 1, health.GetProperty("readReplica").GetProperty("leads").GetInt64());
        Assert.True(health.GetProperty("readReplica").GetProperty("inRecovery").GetBoolean());
        Assert.NotEqual("not paused", health.GetProperty("readReplica").GetProperty("replayPauseState").GetString());
        Assert.Contains(replication.RequireReplica().Standby.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), health.GetProperty("readReplica").GetProperty("store").GetString(), StringComparison.Ordinal);
        await replication.RequireReplica().WaitForReplayAsync(CancellationToken.None);
        var lead = await JsonAsync(await client.GetAsync($"/api/leads/{newLead.Id.Value}"));
        Assert.Equal(newLead.Id.Value, lead.GetProperty("id").GetInt64());
    }

    [Fact]
    public void Should_RefuseToStart_WhenTheReadDatabaseIsASqlitePath()
    {
        var failure = Assert.IsAssignableFrom<ArgumentException>(HostStart.Failure(() => Host(generated.Database, "replica.db", TimeProvider.System)));

        Assert.Contains(LeadwiseServer.ReadDatabaseSetting, failure.Message, StringComparison.Ordinal);
        Assert.Contains("SQLite path", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_RefuseToStart_WhenTheReadDatabaseIsPostgresButThePrimaryIsSqlite()
    {
        var failure = Assert.IsAssignableFrom<ArgumentException>(HostStart.Failure(() => Host(generated.Database, "Host=127.0.0.1;Database=leadwise", TimeProvider.System)));

        Assert.Contains(LeadwiseServer.ReadDatabaseSetting, failure.Message, StringComparison.Ordinal);
        Assert.Contains(LeadwiseServer.DatabaseSetting, failure.Message, StringComparison.Ordinal);
    }

    /// <summary>The generated store copied into a new schema on the primary, and the same schema's location on the standby once replayed.</summary>
    private async Task<(string Primary, string Replica)> ReplicatedStoreAsync()
    {
        var primary = await replication.CreateStoreLocationAsync(CancellationToken.None);
        await using (var source = await StoreFactory.OpenAsync(generated.Database, mustExist: true, CancellationToken.None))
        await using (var target = await StoreFactory.OpenAsync(primary, mustExist: false, CancellationToken.None))
        {
            await new StoreCopier(source, target).CopyAsync(replace: false, progress: null, CancellationToken.None);
        }

        await replication.RequireReplica().WaitForReplayAsync(CancellationToken.None);
        return (primary, replication.RequireReplica().ReplicaOf(primary));
    }

    private static WebApplicationFactory<Program> Host(string primary, string replica, TimeProvider time) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting(LeadwiseServer.DatabaseSetting, primary);
            builder.UseSetting(LeadwiseServer.ReadDatabaseSetting, replica);
            builder.UseSetting(LeadwiseServer.OpenReadsSetting, "true");
            builder.ConfigureTestServices(services => services.AddSingleton(time));
        });

    /// <summary>A write key stored on the primary: keys are looked up there, so it works before the replica has it.</summary>
    private static async Task<string> CreateKeyAsync(ILeadwiseStore primary)
    {
        var secret = ApiKeySecret.Generate();
        await primary.CreateApiKeyAsync("replica test", null, DateTimeOffset.UtcNow, ApiKeySecret.Hash(secret), CancellationToken.None);
        return secret;
    }

    private static async Task<double> PointsAsync(HttpClient client, long leadId)
    {
        var response = await client.GetAsync($"/api/leads/{leadId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await JsonAsync(response)).GetProperty("points").GetProperty("total").GetDouble();
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
}
