using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace Leadwise.Server.Tests;

public sealed class EndpointTests(ServerStore server) : IClassFixture<ServerStore>
{
    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    [Fact]
    public async Task Live_AnswersOk()
    {
        var response = await server.WithModel.CreateClient().GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Ready_IsOkWithAPromotedModel_AndUnavailableWithout()
    {
        var ready = await server.WithModel.CreateClient().GetAsync("/health/ready");
        var notReady = await server.WithoutModel.CreateClient().GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal(1, (await JsonAsync(ready)).GetProperty("modelVersion").GetInt32());
        Assert.Equal(3000, (await JsonAsync(ready)).GetProperty("leads").GetInt64());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
        Assert.Equal("no model promoted", (await JsonAsync(notReady)).GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("/recommend", "The leadId query parameter is required")]
    [InlineData("/recommend?leadId=", "The leadId query parameter is required")]
    [InlineData("/recommend?leadId=abc", "leadId must be a whole number; got 'abc'.")]
    [InlineData("/recommend?leadId=-5", "leadId must be a whole number; got '-5'.")]
    public async Task Recommend_WithAMissingOrBadLeadId_Is400_InTheSeedShape(string url, string message)
    {
        var response = await server.WithModel.CreateClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await JsonAsync(response);
        Assert.False(body.GetProperty("success").GetBoolean());
        Assert.StartsWith(message, body.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recommend_ForAnUnknownLead_Is404_InTheSeedShape()
    {
        var response = await server.WithModel.CreateClient().GetAsync("/recommend?leadId=999");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = await JsonAsync(response);
        Assert.Equal(["success", "message"], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal("There is no lead 999.", body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Campaigns_ListEveryCampaign_AndOneShowsItsMessagesFunnelAndRecommendedSequence()
    {
        var client = server.WithModel.CreateClient();

        var list = (await JsonAsync(await client.GetAsync("/api/campaigns"))).EnumerateArray().ToList();
        var one = await JsonAsync(await client.GetAsync($"/api/campaigns/{server.KnownCampaignId}"));
        var withoutModel = await JsonAsync(await server.WithoutModel.CreateClient().GetAsync($"/api/campaigns/{server.KnownCampaignId}"));
        var missing = await client.GetAsync("/api/campaigns/12345");

        var known = list.Single(c => c.GetProperty("id").GetInt64() == server.KnownCampaignId);
        Assert.True(known.GetProperty("leads").GetInt32() > 0);
        Assert.Equal(known.GetProperty("leads").GetInt32(), one.GetProperty("campaign").GetProperty("leads").GetInt32());
        var messages = one.GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(0, messages.Count), messages.Select(m => m.GetProperty("order").GetInt32()));
        Assert.Equal(0, one.GetProperty("funnel")[0].GetProperty("step").GetInt32());
        var recommended = one.GetProperty("recommendation");
        Assert.Equal(messages.Count, recommended.GetProperty("messageIds").GetArrayLength());
        Assert.InRange(recommended.GetProperty("expectedReplies").GetDouble(), 0, recommended.GetProperty("leads").GetInt32());
        Assert.InRange(recommended.GetProperty("currentExpectedReplies").GetDouble(), 0, recommended.GetProperty("leads").GetInt32());
        Assert.Equal(JsonValueKind.Null, withoutModel.GetProperty("recommendation").ValueKind);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("id", (await JsonAsync(missing)).GetProperty("field").GetString());
    }

    [Fact]
    public async Task Recommend_AskedAgain_IsAnsweredFromTheRememberedRecommendation_WithTheSameBody()
    {
        var client = server.WithModel.CreateClient();
        var first = await client.GetStringAsync($"/recommend?leadId={server.KnownLeadId}");
        var catalog = await server.WithModel.Services.GetRequiredService<PromotedRecommender>().GetAsync(CancellationToken.None);

        var second = await client.GetStringAsync($"/recommend?leadId={server.KnownLeadId}");

        Assert.NotNull(catalog);
        Assert.NotNull(catalog.Remembered[new Leadwise.Core.Outreach.LeadId(server.KnownLeadId)].Json); // the bytes the second answer was sent from
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Recommend_ForAKnownLead_AnswersOneEntryPerStepInOrder_WithTheSeedsFields_FromTheOwnersCampaigns()
    {
        var response = await server.WithModel.CreateClient().GetAsync($"/recommend?leadId={server.KnownLeadId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await JsonAsync(response);
        Assert.True(body.GetProperty("success").GetBoolean());
        var steps = body.GetProperty("data").EnumerateArray().ToList();
        Assert.NotEmpty(steps);
        Assert.Equal(Enumerable.Range(0, steps.Count), steps.Select(s => s.GetProperty("order").GetInt32()));
        foreach (var step in steps)
        {
            foreach (var field in new[] { "order", "campaignId", "name", "content", "maleSalutation", "femaleSalutation", "interval", "messageId" })
            {
                Assert.True(step.TryGetProperty(field, out _), $"missing {field}");
            }

            var campaign = step.GetProperty("campaignId").GetInt64();
            Assert.Contains(campaign, server.OwnersCampaigns);
            Assert.Equal($"{step.GetProperty("order").GetInt32()}-{campaign}", step.GetProperty("messageId").GetString());
            Assert.DoesNotContain("{{ first_name }}", step.GetProperty("renderedContent").GetString(), StringComparison.Ordinal);
            Assert.InRange(step.GetProperty("predictedReplyProbability").GetDouble(), 0, 1);
        }

        var cumulative = steps.Select(s => s.GetProperty("cumulativeProbability").GetDouble()).ToList();
        Assert.Equal(cumulative.Order(), cumulative);
        Assert.Equal(JsonValueKind.Null, steps[0].GetProperty("interval").ValueKind);
    }

    [Fact]
    public async Task Recommend_WithoutASequenceModel_AnswersTheCampaignsOwnSequence()
    {
        var response = await server.WithoutModel.CreateClient().GetAsync($"/recommend?leadId={server.KnownLeadId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var steps = (await JsonAsync(response)).GetProperty("data").EnumerateArray().ToList();
        Assert.All(steps, s => Assert.Equal($"{s.GetProperty("order").GetInt32()}-{server.KnownCampaignId}", s.GetProperty("messageId").GetString()));
        Assert.All(steps, s => Assert.Equal(JsonValueKind.Null, s.GetProperty("predictedReplyProbability").ValueKind));
    }

    [Fact]
    public async Task Lead_ShowsPointsAndModelReasons_AndAnUnknownLeadIsAProblem404()
    {
        var client = server.WithModel.CreateClient();

        var known = await client.GetAsync($"/api/leads/{server.KnownLeadId}");
        var unknown = await client.GetAsync("/api/leads/999");

        Assert.Equal(HttpStatusCode.OK, known.StatusCode);
        var body = await JsonAsync(known);
        Assert.Equal(server.KnownLeadId, body.GetProperty("id").GetInt64());
        Assert.True(body.GetProperty("points").TryGetProperty("subtotals", out _));
        var model = body.GetProperty("model");
        Assert.Equal(1, model.GetProperty("version").GetInt32());
        Assert.InRange(model.GetProperty("probability").GetDouble(), 0, 1);
        Assert.Contains(model.GetProperty("grade").GetString(), new[] { "A", "B", "C", "D" });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Score_APostedLead_WithoutStoringIt_AndAnUnknownCampaignIsAFieldProblem()
    {
        var client = server.WithModel.CreateClient();

        var senior = await client.PostAsJsonAsync("/api/score", new { firstName = "Anna", title = "Geschäftsführerin", email = "anna@beispiel-ag.de", country = "Germany", campaignId = server.KnownCampaignId });
        var student = await client.PostAsJsonAsync("/api/score", new { firstName = "Ben", title = "Werkstudent", email = "ben@gmail.com", country = "Germany", campaignId = server.KnownCampaignId });
        var badCampaign = await client.PostAsJsonAsync("/api/score", new { title = "CEO", campaignId = 42 });
        var notJson = await client.PostAsync("/api/score", new StringContent("{ not json", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (senior.StatusCode, student.StatusCode));
        var seniorModel = (await JsonAsync(senior)).GetProperty("model");
        var studentModel = (await JsonAsync(student)).GetProperty("model");
        // The generator's true effects: students reply more than executives.
        Assert.True(studentModel.GetProperty("probability").GetDouble() > seniorModel.GetProperty("probability").GetDouble());
        // A student is far from the typical training lead (an individual contributor), and the truth favours students:
        // the reasons name the title's seniority with positive points. (An executive's difference from typical is small
        // and may fall below the reasons shown.)
        Assert.Contains(studentModel.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("factor").GetString() == "Title seniority is Student" && r.GetProperty("points").GetDouble() > 0);
        Assert.NotEmpty(seniorModel.GetProperty("reasons").EnumerateArray());
        Assert.All(seniorModel.GetProperty("reasons").EnumerateArray(), r => Assert.Equal(System.Text.Json.JsonValueKind.Number, r.GetProperty("contribution").ValueKind));
        Assert.Equal(HttpStatusCode.BadRequest, badCampaign.StatusCode);
        Assert.Contains("campaignId", await badCampaign.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Equal(3000, (await JsonAsync(await client.GetAsync("/health/ready"))).GetProperty("leads").GetInt64());
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheEndpoints()
    {
        var response = await server.WithModel.CreateClient().GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await JsonAsync(response);
        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/recommend", "/api/leads/{id}", "/api/score", "/health/ready", "/api/campaigns/{id}", "/api/models", "/api/import", "/api/jobs/{id}" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"missing {path}");
        }

        var schemes = document.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal(("apiKey", "header", "X-Api-Key"), (schemes.GetProperty("ApiKey").GetProperty("type").GetString(), schemes.GetProperty("ApiKey").GetProperty("in").GetString(), schemes.GetProperty("ApiKey").GetProperty("name").GetString()));
        Assert.Equal(("http", "bearer"), (schemes.GetProperty("Bearer").GetProperty("type").GetString(), schemes.GetProperty("Bearer").GetProperty("scheme").GetString()));
    }
}
