using System.Security.Claims;
using Leadwise.Data.Storage.LeadList;
using Leadwise.Server.Security;
using Microsoft.OpenApi;

namespace Leadwise.Server.Endpoints;

/// <summary>
/// <c>GET /api/leads</c>: the ranked lead list with filters and paging, from the stored point and model scores
/// (<c>leadwise score</c> writes them); a bad parameter is a 400 problem naming it.
/// </summary>
internal static class LeadListEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/api/leads", async (HttpRequest request, ClaimsPrincipal user, ReadStore reads, CancellationToken cancellationToken) =>
        {
            var parsed = LeadListRequest.Parse(request.Query);
            if (parsed.Errors.Count > 0)
            {
                return Results.ValidationProblem(parsed.Errors, title: "The lead list query is not valid.");
            }

            var page = await reads.Store.ReadLeadListAsync(parsed.Query with { Account = RequestAccount.Of(user) }, cancellationToken);
            return Results.Ok(LeadListResponse.Of(page, parsed));
        })
        .WithTags("Leads")
        .ServesAccountKeys()
        .WithSummary("The ranked lead list: filters (campaign, grade, minScore/maxScore, minModelScore/maxModelScore, q), sort (score or points, :asc/:desc), page and pageSize (at most 200)")
        .AddOpenApiOperationTransformer((operation, _, _) =>
        {
            // The handler reads the query itself (to name every bad or unknown parameter), so the document learns them here.
            operation.Parameters ??= [];
            foreach (var (name, type, description) in Parameters)
            {
                operation.Parameters.Add(new OpenApiParameter { Name = name, In = ParameterLocation.Query, Description = description, Schema = new OpenApiSchema { Type = type } });
            }

            return Task.CompletedTask;
        });
    }

    private static readonly (string Name, JsonSchemaType Type, string Description)[] Parameters =
    [
        ("campaign", JsonSchemaType.Integer, "Only leads of this campaign id."),
        ("grade", JsonSchemaType.String, "Grades, comma-separated or repeated (A,B), on the score the sort uses."),
        ("minScore", JsonSchemaType.Number, "Lowest score, on the score the sort uses."),
        ("maxScore", JsonSchemaType.Number, "Highest score, on the score the sort uses."),
        ("minModelScore", JsonSchemaType.Integer, "Lowest model score, 0 to 100."),
        ("maxModelScore", JsonSchemaType.Integer, "Highest model score, 0 to 100."),
        ("q", JsonSchemaType.String, "Words that must each occur in the name, company or title (at most 200 characters)."),
        ("sort", JsonSchemaType.String, "score (model score, else points; the default) or points, optionally :asc or :desc."),
        ("page", JsonSchemaType.Integer, "1-based page, at most 10,000."),
        ("pageSize", JsonSchemaType.Integer, "Leads per page, 1 to 200 (default 50)."),
    ];
}

/// <summary>One page of the lead list on the wire.</summary>
internal sealed record LeadListResponse(long Total, int Page, int PageSize, long Pages, string Sort, IReadOnlyList<LeadListEntry> Leads)
{
    public static LeadListResponse Of(LeadListPage page, LeadListRequest request) => new(
        page.Total,
        request.Page,
        request.PageSize,
        (page.Total + request.PageSize - 1) / request.PageSize,
        request.Sort,
        [.. page.Leads.Select(LeadListEntry.Of)]);
}

/// <summary>
/// One lead of the list: <c>score</c> and <c>grade</c> are what the default order ranks by (the model's when the lead
/// has a model score, else the points'); both stored scores follow in full.
/// </summary>
internal sealed record LeadListEntry(
    long Id,
    string? Name,
    string? FirstName,
    string? LastName,
    string? Title,
    string? CompanyName,
    long CampaignId,
    string? CampaignName,
    double? Score,
    string? Grade,
    ListPointsView? Points,
    ListModelView? Model)
{
    public static LeadListEntry Of(LeadListItem item) => new(
        item.Id.Value,
        item.Name,
        item.FirstName,
        item.LastName,
        item.Title,
        item.CompanyName,
        item.CampaignId.Value,
        item.CampaignName,
        item.RankedScore,
        item.RankedGrade,
        item.Points is { } p ? new ListPointsView(p.Total, p.Grade, p.Subtotals.OrderBy(s => s.Key).ToDictionary(s => s.Key.ToString(), s => s.Value), p.AsOf) : null,
        item.Model is { } m ? new ListModelView(m.ModelVersion, m.Probability, m.Score, m.Grade, m.AsOf) : null);
}

/// <summary>The stored point score: total, grade and subtotal per scoring model.</summary>
internal sealed record ListPointsView(double Total, string Grade, IReadOnlyDictionary<string, double> Subtotals, DateTimeOffset AsOf);

/// <summary>The stored model score: the version that computed it, probability, 0–100 score and grade.</summary>
internal sealed record ListModelView(int Version, double Probability, int Score, string Grade, DateTimeOffset AsOf);
