using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Leadwise.Core.Models;
using Leadwise.Data.Postgres;
using Leadwise.Data.Storage;
using Leadwise.Learning.Registry;
using Leadwise.Testing;
using Leadwise.Testing.Postgres;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Leadwise.Server.Tests;

/// <summary>
/// A version promoted through one node is served by every node within <c>Leadwise:ModelRecheckSeconds</c>:
/// two hosts on one PostgreSQL store, and one host on a fake clock; on PostgreSQL at once, by LISTEN/NOTIFY, whatever
/// the interval.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ModelPickupTests(ServerStore generated, PostgresServerFixture postgres) : IClassFixture<ServerStore>, IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [SkippableFact]
    public async Task TwoNodesOnOnePostgresStore_AVersionPromotedThroughOne_IsServedByTheOtherWithinTheRecheckInterval()
    {
        // Given: the generated store (conversion model version 1 promoted) copied into PostgreSQL, and two nodes on it
        var location = await postgres.CreateStoreLocationAsync(CancellationToken.None);
        await generated.CopyToAsync(location);
        await using var nodeA = Host(location, recheckSeconds: "1");
        await using var nodeB = Host(location, recheckSeconds: "1");
        var (clientA, clientB) = (nodeA.CreateClient(), nodeB.CreateClient());
        Assert.Equal((1, 1), (await ServedVersionAsync(clientA), await ServedVersionAsync(clientB)));

        // When: node A's store saves and promotes a new version
        var promoted = await PromoteCopyOfVersionOneAsync(nodeA.Services.GetRequiredService<ILeadwiseStore>());

        // Then: node B answers with it within a few seconds (it re-checks every second; 15 s is only the give-up point)
        var deadline = DateTime.UtcNow.AddSeconds(15);
        var served = 1;
        while (served != promoted && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            served = await ServedVersionAsync(clientB);
        }

        Assert.Equal(promoted, served);
        var lead = await JsonAsync(await clientB.GetAsync($"/api/leads/{generated.KnownLeadId}"));
        Assert.Equal(promoted, lead.GetProperty("model").GetProperty("version").GetInt32());
        Assert.Contains("PostgreSQL", (await JsonAsync(await clientB.GetAsync("/health/ready"))).GetProperty("store").GetString(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task TwoNodesOnOnePostgresStore_PollingHourly_ServePromotionsAndRollbacksThroughOneAtOnce_AlsoAfterTheListenConnectionDropped()
    {
        // Given: two nodes re-checking the registry only once an hour, so only the NOTIFY can bring a change within seconds
        var location = await postgres.CreateStoreLocationAsync(CancellationToken.None);
        await generated.CopyToAsync(location);
        await using var nodeA = Host(location, recheckSeconds: "3600");
        await using var nodeB = Host(location, recheckSeconds: "3600");
        var (clientA, clientB) = (nodeA.CreateClient(), nodeB.CreateClient());
        Assert.Equal((1, 1), (await ServedVersionAsync(clientA), await ServedVersionAsync(clientB)));
        var recommenderB = nodeB.Services.GetRequiredService<PromotedRecommender>();
        var hazardBefore = (await recommenderB.GetAsync(CancellationToken.None))!.Models.InstallWide!.Version;
        var storeA = nodeA.Services.GetRequiredService<ILeadwiseStore>();

        // When: A's store promotes a new conversion version and a new sequence (hazard) version
        var promoted = await PromoteCopyOfVersionOneAsync(storeA);
        var hazard = await PromoteCopyAsync(storeA, hazardBefore);

        // Then: B serves both within seconds
        Assert.Equal(promoted, await WaitForServedVersionAsync(clientB, promoted));
        Assert.Equal(hazard, await WaitForAsync(async () => (await recommenderB.GetAsync(CancellationToken.None))!.Models.InstallWide!.Version, hazard));

        // When: A rolls the conversion model back
        var rolledBackTo = await new ConversionModelRegistry(storeA, TimeProvider.System).RollbackAsync(CancellationToken.None);

        // Then
        Assert.Equal(1, rolledBackTo);
        Assert.Equal(1, await WaitForServedVersionAsync(clientB, 1));

        // When: the database drops both nodes' listen connections, the nodes listen again, and A promotes once more
        var dropped = await TerminateListenersAsync(location);
        Assert.Equal(2, dropped.Count);
        Assert.Equal(2, await WaitForAsync(async () => (await ListenerPidsAsync(location)).Except(dropped).Count(), 2));
        var promotedAgain = await PromoteCopyOfVersionOneAsync(storeA);

        // Then
        Assert.Equal(promotedAgain, await WaitForServedVersionAsync(clientB, promotedAgain));
        var lead = await JsonAsync(await clientB.GetAsync($"/api/leads/{generated.KnownLeadId}"));
        Assert.Equal(promotedAgain, lead.GetProperty("model").GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task OneNode_KeepsServingItsVersionUntilTheConfiguredIntervalPasses_ThenServesTheNewOne()
    {
        // Given: a node on a fake clock re-checking every 20 seconds
        var database = _directory.File("copy.db");
        await generated.CopyToAsync(database);
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var node = Host(database, recheckSeconds: "20", time);
        var client = node.CreateClient();
        Assert.Equal(1, await ServedVersionAsync(client));

        // When
        var promoted = await PromoteCopyOfVersionOneAsync(node.Services.GetRequiredService<ILeadwiseStore>());
        time.Advance(TimeSpan.FromSeconds(19));
        var before = await ServedVersionAsync(client);
        time.Advance(TimeSpan.FromSeconds(1));
        var after = await ServedVersionAsync(client);

        // Then
        Assert.Equal((1, promoted), (before, after));
        Assert.Equal(TimeSpan.FromSeconds(20), node.Services.GetRequiredService<IOptions<ModelRecheckOptions>>().Value.Interval);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    public void ARecheckIntervalOfZeroOrLess_StopsTheNodeAtStart(string seconds)
    {
        var failure = HostStart.Failure(() => Host(generated.Database, seconds));

        Assert.IsAssignableFrom<OptionsValidationException>(failure);
        Assert.Contains("Leadwise:ModelRecheckSeconds must be more than 0", failure.Message, StringComparison.Ordinal);
    }

    private static WebApplicationFactory<Program> Host(string database, string recheckSeconds, TimeProvider? time = null) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting(LeadwiseServer.DatabaseSetting, database);
            builder.UseSetting("Leadwise:ModelRecheckSeconds", recheckSeconds);
            builder.UseSetting(LeadwiseServer.OpenReadsSetting, "true"); // the test reads /api/leads/{id} without a key
            if (time is not null)
            {
                builder.ConfigureTestServices(services => services.AddSingleton(time));
            }
        });


    /// <summary>Saves version 1's model again as a new version and promotes it, as <c>leadwise train --promote</c> would.</summary>
    private static async Task<int> PromoteCopyOfVersionOneAsync(ILeadwiseStore store)
    {
        var first = (await store.FindModelAsync(1, CancellationToken.None))!;
        Assert.Equal(ModelKinds.Conversion, first.Kind);
        var artifact = (await store.ReadModelArtifactAsync(1, CancellationToken.None))!;
        var saved = await store.SaveModelAsync(first.Kind, DateTimeOffset.UtcNow, first.Summary, first.MetadataJson, artifact, CancellationToken.None);
        await new ConversionModelRegistry(store, TimeProvider.System).PromoteAsync(saved.Version, CancellationToken.None);
        return saved.Version;
    }

    /// <summary>Saves a version's model again as a new version of its kind and promotes it.</summary>
    private static async Task<int> PromoteCopyAsync(ILeadwiseStore store, int version)
    {
        var model = (await store.FindModelAsync(version, CancellationToken.None))!;
        var artifact = (await store.ReadModelArtifactAsync(version, CancellationToken.None))!;
        var saved = await store.SaveModelAsync(model.Kind, DateTimeOffset.UtcNow, model.Summary, model.MetadataJson, artifact, CancellationToken.None);
        await store.PromoteModelAsync(new ModelPromotion(model.Kind, saved.Version, DateTimeOffset.UtcNow), CancellationToken.None);
        return saved.Version;
    }

    private static Task<int> WaitForServedVersionAsync(HttpClient client, int expected) => WaitForAsync(() => ServedVersionAsync(client), expected);

    /// <summary>Polls <paramref name="read"/> until it gives <paramref name="expected"/> or 15 s have passed (the give-up point; it takes well under a second), and returns the last value.</summary>
    private static async Task<T> WaitForAsync<T>(Func<Task<T>> read, T expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        var value = await read();
        while (!EqualityComparer<T>.Default.Equals(value, expected) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            value = await read();
        }

        return value;
    }

    /// <summary>The server processes of the listening connections in the store's database.</summary>
    private static async Task<List<int>> ListenerPidsAsync(string location)
    {
        await using var connection = new NpgsqlConnection(location);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()", connection);
        command.Parameters.AddWithValue(PostgresLeadwiseStore.PromotionListenerName);
        var pids = new List<int>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            pids.Add(reader.GetInt32(0));
        }

        return pids;
    }

    /// <summary>Ends the listening connections' server processes, as a database restart or a failover would, and returns their ids.</summary>
    private static async Task<List<int>> TerminateListenersAsync(string location)
    {
        var pids = await ListenerPidsAsync(location);
        await using var connection = new NpgsqlConnection(location);
        await connection.OpenAsync();
        foreach (var pid in pids)
        {
            await using var command = new NpgsqlCommand("SELECT pg_terminate_backend($1)", connection);
            command.Parameters.AddWithValue(pid);
            Assert.True((bool)(await command.ExecuteScalarAsync())!);
        }

        return pids;
    }

    private static async Task<int> ServedVersionAsync(HttpClient client)
    {
        var response = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("modelVersion").GetInt32();
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
}
