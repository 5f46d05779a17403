using System.Net;
using System.Text.Json;
using Leadwise.Core.Access;
using Leadwise.Core.Jobs;
using Leadwise.Data.Postgres;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Leadwise.Server.Tests;

/// <summary>
/// One server node (a real host) on a store location shared with other nodes, started at once so its job runner runs
/// from the start; requests carry the write key the test created in the store.
/// </summary>
internal sealed class JobNode : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> _factory;
    private readonly string _secret;

    private JobNode(WebApplicationFactory<Program> factory, string secret)
    {
        _factory = factory;
        _secret = secret;
        Client = factory.CreateClient();
    }

    public HttpClient Client { get; }

    /// <summary>A write key in the store at <paramref name="location"/> (created if new), as <c>leadwise apikey create</c> makes one.</summary>
    public static async Task<string> CreateKeyAsync(string location)
    {
        var secret = ApiKeySecret.Generate();
        await using var store = await StoreFactory.OpenAsync(location, mustExist: false, CancellationToken.None);
        await store.CreateApiKeyAsync("jobs", account: null, DateTimeOffset.UtcNow, ApiKeySecret.Hash(secret), CancellationToken.None);
        return secret;
    }

    public static JobNode Start(string location, string secret, string nodeId, params (string Key, string Value)[] settings) =>
        Start(location, secret, nodeId, static _ => { }, settings);

    /// <summary>A node whose services <paramref name="services"/> adjusts after the server registered its own (e.g. to hold a job at a known point).</summary>
    public static JobNode Start(string location, string secret, string nodeId, Action<IServiceCollection> services, params (string Key, string Value)[] settings)
    {
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.ConfigureTestServices(services);
            builder.UseSetting(LeadwiseServer.DatabaseSetting, location);
            builder.UseSetting("Leadwise:NodeId", nodeId);
            builder.UseSetting("Leadwise:Jobs:PollSeconds", "1");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        });
        return new JobNode(factory, secret);
    }

    public Task<HttpResponseMessage> PostAsync(string path, HttpContent? content) =>
        Client.SendAsync(ApiKeys.Request(HttpMethod.Post, path, _secret, content: content));

    /// <summary>Posts and returns the accepted job's id, after checking the 202 and its Location.</summary>
    public async Task<string> QueueAsync(string path, HttpContent? content)
    {
        var response = await PostAsync(path, content);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var job = await JsonAsync(response);
        var id = job.GetProperty("id").GetString()!;
        Assert.Equal($"/api/jobs/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal(JobStates.Queued, job.GetProperty("state").GetString());
        return id;
    }

    public async Task<JsonElement> GetJobAsync(string id)
    {
        var response = await Client.SendAsync(ApiKeys.Request(HttpMethod.Get, $"/api/jobs/{id}", _secret));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await JsonAsync(response);
    }

    /// <summary>Polls the job through this node until it has finished (any node may be running it).</summary>
    public async Task<JsonElement> WaitUntilFinishedAsync(string id, int minutes = 3)
    {
        var deadline = DateTime.UtcNow.AddMinutes(minutes);
        while (DateTime.UtcNow < deadline)
        {
            var job = await GetJobAsync(id);
            if (job.GetProperty("state").GetString() is JobStates.Succeeded or JobStates.Failed)
            {
                return job;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Job {id} did not finish within {minutes} minutes.");
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
    }
}
