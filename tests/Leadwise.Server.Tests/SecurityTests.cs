using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Leadwise.Server.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Leadwise.Server.Tests;

/// <summary>
/// API keys, open reads, rate limits and body size limits on the real host over a generated store (a store of this
/// class's own: keys are created in it).
/// </summary>
public sealed class SecurityTests(ServerStore server) : IClassFixture<ServerStore>
{
    private string LeadUrl => $"/api/leads/{server.KnownLeadId}";

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private WebApplicationFactory<Program> Host(params (string Key, string Value)[] settings) =>
        server.WithModel.WithWebHostBuilder(builder =>
        {
            builder.UseSetting(LeadwiseSecurity.OpenReadsSetting, "false");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        });

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string title, string detail)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await JsonAsync(response);
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.Equal(title, problem.GetProperty("title").GetString());
        Assert.Contains(detail, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reads_WithoutAKey_Are401_UnlessReadsAreOpen()
    {
        var closed = await Host().CreateClient().GetAsync(LeadUrl);
        var open = await Host((LeadwiseSecurity.OpenReadsSetting, "true")).CreateClient().GetAsync(LeadUrl);

        await AssertProblemAsync(closed, HttpStatusCode.Unauthorized, "API key required", "send 'Authorization: Bearer <key>' or 'X-Api-Key: <key>'");
        Assert.Equal("Bearer", closed.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Reads_WithAValidKey_AreOk_InEitherHeader(bool asBearer)
    {
        var (_, secret) = await ApiKeys.CreateAsync(server.Database, "reader");

        var response = await Host().CreateClient().SendAsync(ApiKeys.Request(HttpMethod.Get, LeadUrl, secret, asBearer));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(server.KnownLeadId, (await JsonAsync(response)).GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task WrongAndRevokedKeys_Are401_EvenWhenReadsAreOpen()
    {
        var (id, secret) = await ApiKeys.CreateAsync(server.Database, "to revoke");
        var client = Host((LeadwiseSecurity.OpenReadsSetting, "true")).CreateClient();
        var before = await client.SendAsync(ApiKeys.Request(HttpMethod.Get, LeadUrl, secret));
        await ApiKeys.RevokeAsync(server.Database, id);

        var revoked = await client.SendAsync(ApiKeys.Request(HttpMethod.Get, LeadUrl, secret, asBearer: false));
        var wrong = await client.SendAsync(ApiKeys.Request(HttpMethod.Get, LeadUrl, secret[..^1] + (secret[^1] == 'A' ? 'B' : 'A')));
        var empty = await client.SendAsync(ApiKeys.Request(HttpMethod.Get, LeadUrl, " ", asBearer: false));

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        await AssertProblemAsync(revoked, HttpStatusCode.Unauthorized, "Invalid API key", "The API key was revoked.");
        Assert.Equal("X-Api-Key", (await JsonAsync(revoked)).GetProperty("header").GetString());
        await AssertProblemAsync(wrong, HttpStatusCode.Unauthorized, "Invalid API key", "The API key is not valid.");
        await AssertProblemAsync(empty, HttpStatusCode.Unauthorized, "Invalid API key", "Send exactly one API key");
    }

    [Fact]
    public async Task TwoDifferentKeysInOneRequest_Are401()
    {
        var (_, first) = await ApiKeys.CreateAsync(server.Database, "first");
        var (_, second) = await ApiKeys.CreateAsync(server.Database, "second");
        var request = ApiKeys.Request(HttpMethod.Get, LeadUrl, first);
        request.Headers.Add("X-Api-Key", second);

        var response = await Host().CreateClient().SendAsync(request);

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "Invalid API key", "Send exactly one API key");
    }

    [Fact]
    public async Task RecommendAndHealth_StayOpen_WhenReadsAreClosed()
    {
        var client = Host().CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/recommend?leadId={server.KnownLeadId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/openapi/v1.json")).StatusCode);
    }

    [Fact]
    public async Task Score_IsARead_OpenWithOpenReads_AndNeedsAKeyOtherwise()
    {
        var lead = new { firstName = "Anna", title = "Managing Director" };

        var closed = await Host().CreateClient().PostAsJsonAsync("/api/score", lead);
        var open = await Host((LeadwiseSecurity.OpenReadsSetting, "true")).CreateClient().PostAsJsonAsync("/api/score", lead);

        Assert.Equal(HttpStatusCode.Unauthorized, closed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
    }

    [Fact]
    public async Task UnknownWrites_NeedAKey_EvenWhenReadsAreOpen()
    {
        var response = await Host((LeadwiseSecurity.OpenReadsSetting, "true")).CreateClient().PostAsync("/api/nothing-here", new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Bodies_OverMaxRequestBytes_Are413_WithOrWithoutAContentLength()
    {
        var (_, secret) = await ApiKeys.CreateAsync(server.Database, "sizes");
        var seenLengths = new System.Collections.Concurrent.ConcurrentQueue<long?>();
        var client = Host((LeadwiseSecurity.MaxRequestBytesSetting, "200")).WithWebHostBuilder(builder => builder.ConfigureServices(services =>
            services.AddSingleton<IStartupFilter>(new LengthRecorder(seenLengths)))).CreateClient();
        var small = JsonContent.Create(new { firstName = "Anna" });
        var large = JsonContent.Create(new { firstName = "Anna", title = new string('x', 300) });
        await large.LoadIntoBufferAsync();
        var chunked = new UnsizedContent(JsonSerializer.Serialize(new { title = new string('y', 300) }));

        var ok = await client.SendAsync(ApiKeys.Request(HttpMethod.Post, "/api/score", secret, content: small));
        var tooLarge = await client.SendAsync(ApiKeys.Request(HttpMethod.Post, "/api/score", secret, content: large));
        var unsizedRequest = ApiKeys.Request(HttpMethod.Post, "/api/score", secret, content: chunked);
        unsizedRequest.Headers.TransferEncodingChunked = true;
        var tooLargeChunked = await client.SendAsync(unsizedRequest);
        var smallUnsizedRequest = ApiKeys.Request(HttpMethod.Post, "/api/score", secret, content: new UnsizedContent("""{"firstName":"Ben"}"""));
        smallUnsizedRequest.Headers.TransferEncodingChunked = true;
        var smallChunked = await client.SendAsync(smallUnsizedRequest);

        Assert.Equal([small.Headers.ContentLength, large.Headers.ContentLength, null, null], seenLengths);
        Assert.Equal(HttpStatusCode.OK, smallChunked.StatusCode);
        Assert.Equal("Ben", (await JsonAsync(smallChunked)).GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        await AssertProblemAsync(tooLarge, HttpStatusCode.RequestEntityTooLarge, "Request body too large", "larger than the 200 bytes");
        await AssertProblemAsync(tooLargeChunked, HttpStatusCode.RequestEntityTooLarge, "Request body too large", "Leadwise:MaxRequestBytes");
    }

    [Fact]
    public async Task Requests_OverThePermitsPerMinute_Are429_WithRetryAfter_PerKey()
    {
        var (_, first) = await ApiKeys.CreateAsync(server.Database, "busy");
        var (_, second) = await ApiKeys.CreateAsync(server.Database, "quiet");
        var client = Host((LeadwiseSecurity.PermitsPerMinuteSetting, "2")).CreateClient();

        var allowed = new[]
        {
            await client.SendAsync(ApiKeys.Request(HttpMethod.Get, LeadUrl, first)),
            await client.SendAsync(ApiKeys.Request(HttpMethod.Get, LeadUrl, first)),
        };
        var refused = await client.SendAsync(ApiKeys.Request(HttpMethod.Get, LeadUrl, first));
        var otherKey = await client.SendAsync(ApiKeys.Request(HttpMethod.Get, LeadUrl, second));
        var recommend = await client.GetAsync($"/recommend?leadId={server.KnownLeadId}");

        Assert.All(allowed, response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
        await AssertProblemAsync(refused, HttpStatusCode.TooManyRequests, "Too many requests", "At most 2 requests per minute");
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, otherKey.StatusCode);
        Assert.Equal(HttpStatusCode.OK, recommend.StatusCode);
    }

    [Theory]
    [InlineData(LeadwiseSecurity.PermitsPerMinuteSetting, "0", "must be a positive number")]
    [InlineData(LeadwiseSecurity.MaxRequestBytesSetting, "-1", "must be a positive number of bytes")]
    public void BadLimitSettings_StopTheServerAtStart(string setting, string value, string message)
    {
        var failure = HostStart.Failure(() => Host((setting, value)));

        Assert.Contains($"{setting} {message}", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Secrets_NeverAppearInTheLogs()
    {
        var logs = new CapturedLogs();
        var (id, secret) = await ApiKeys.CreateAsync(server.Database, "logged");
        var host = Host().WithWebHostBuilder(builder => builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs)));
        var client = host.CreateClient();

        await client.SendAsync(ApiKeys.Request(HttpMethod.Get, LeadUrl, secret));
        await client.SendAsync(ApiKeys.Request(HttpMethod.Get, LeadUrl, secret + "x", asBearer: false));
        await ApiKeys.RevokeAsync(server.Database, id);
        await client.SendAsync(ApiKeys.Request(HttpMethod.Get, LeadUrl, secret));

        Assert.NotEmpty(logs.Messages);
        Assert.Contains(logs.Messages, m => m.Contains("The API key was revoked.", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Messages, m => m.Contains(secret, StringComparison.Ordinal));
    }

    /// <summary>A JSON body sent without a Content-Length (chunked), as streaming clients send it.</summary>
    private sealed class UnsizedContent : HttpContent
    {
        private readonly byte[] _bytes;

        public UnsizedContent(string json)
        {
            _bytes = Encoding.UTF8.GetBytes(json);
            Headers.ContentType = new("application/json");
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(_bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    /// <summary>Records the Content-Length each request arrives with, before the application sees it.</summary>
    private sealed class LengthRecorder(System.Collections.Concurrent.ConcurrentQueue<long?> lengths) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                lengths.Enqueue(context.Request.ContentLength);
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
