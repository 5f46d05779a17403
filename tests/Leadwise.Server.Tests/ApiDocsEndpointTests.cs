using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Leadwise.Server.Security;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Leadwise.Server.Tests;

/// <summary>
/// The interactive API reference at <c>/docs</c> and the OpenAPI document it renders: served from the host's own files,
/// gated like every read, and grouped so a reader finds an operation by what it is about.
/// </summary>
public sealed partial class ApiDocsEndpointTests(ServerStore server) : IClassFixture<ServerStore>
{
    private WebApplicationFactory<Program> Host(bool openReads) =>
        server.WithModel.WithWebHostBuilder(builder => builder.UseSetting(LeadwiseSecurity.OpenReadsSetting, openReads ? "true" : "false"));

    [GeneratedRegex(""""<script[^>]*\ssrc="([^"]+)"""", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptSource();

    [GeneratedRegex(""""(?:src|href)="(https?:)?//"""", RegexOptions.IgnoreCase)]
    private static partial Regex AbsoluteAddress();

    [Fact]
    public async Task Docs_ServeAPage_WhoseScriptsComeFromTheHostItself()
    {
        // Given
        var client = Host(openReads: true).CreateClient();

        // When
        var page = await client.GetAsync("/docs/");
        var html = await page.Content.ReadAsStringAsync();

        // Then
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Leadwise API", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(AbsoluteAddress(), html);
        var scripts = ScriptSource().Matches(html).Select(match => match.Groups[1].Value).ToList();
        Assert.NotEmpty(scripts);
        foreach (var script in scripts)
        {
            var response = await client.GetAsync(new Uri(new Uri("http://localhost/docs/"), script));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 1000, $"{script} is empty");
        }
    }

    [Fact]
    public async Task Docs_AreARead_ClosedReadsNeedAKey()
    {
        var closed = await Host(openReads: false).CreateClient().GetAsync("/docs/");

        Assert.Equal(HttpStatusCode.Unauthorized, closed.StatusCode);
    }

    [Fact]
    public async Task OpenApiDocument_IsTitled_AndEveryOperationHasATag()
    {
        var response = await Host(openReads: true).CreateClient().GetAsync("/openapi/v1.json");
        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal("Leadwise API", document.GetProperty("info").GetProperty("title").GetString());
        var untagged = new List<string>();
        var tags = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var operationTags = operation.Value.TryGetProperty("tags", out var found) ? found.EnumerateArray().Select(tag => tag.GetString()!).ToList() : [];
                if (operationTags.Count == 0 || operationTags.Contains("testhost"))
                {
                    untagged.Add($"{operation.Name.ToUpperInvariant()} {path.Name}");
                }

                tags.UnionWith(operationTags);
            }
        }

        Assert.True(untagged.Count == 0, "operations without a topic tag: " + string.Join(", ", untagged));
        var documentTags = document.GetProperty("tags").EnumerateArray().Select(tag => tag.GetProperty("name").GetString()!).ToList();
        Assert.Equal(documentTags.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal), documentTags.Order(StringComparer.Ordinal));
        Assert.Superset(new HashSet<string>(["Recommend", "Leads", "Events", "Campaigns", "Model registry", "Health"]), tags);
    }
}
