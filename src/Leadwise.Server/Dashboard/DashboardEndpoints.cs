using Leadwise.Core.Engagement;
using Leadwise.Core.Models;
using Leadwise.Core.Outreach;
using Leadwise.Data.Storage;
using Leadwise.Recommend.Registry;
using Leadwise.Scoring.Engine;
using Leadwise.Server.Endpoints;
using Leadwise.Server.Security;

namespace Leadwise.Server.Dashboard;

/// <summary>
/// The dashboard, server-rendered by the same host: <c>/</c> the ranked lead list, <c>/leads/{id}</c> one lead,
/// <c>/campaigns/{id}</c>, <c>/models</c> and <c>/models/{version}</c>,
/// and its one stylesheet. No scripts and no outside addresses; the content security policy forbids both, so even
/// a name the encoding missed could not run.
/// </summary>
internal static class DashboardEndpoints
{
    public const string StylesheetPath = "/dashboard.css";

    /// <summary>Without an icon of its own, every browser asks for /favicon.ico and logs the 404.</summary>
    public const string IconPath = "/favicon.svg";

    private const string Icon = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="#1f4f9c"/><path d="M5 3v10h6" stroke="#fff" stroke-width="2" fill="none"/></svg>""";

    private const string ContentSecurityPolicy = "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    /// <summary>The model page's charts are PNG data URIs (drawn once per version, no extra requests): its one loosening.</summary>
    private const string ChartsContentSecurityPolicy = "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private static readonly Lazy<byte[]> Stylesheet = new(() =>
    {
        using var stream = typeof(DashboardEndpoints).Assembly.GetManifestResourceStream("Leadwise.Server.Dashboard.dashboard.css")
            ?? throw new InvalidOperationException("The dashboard stylesheet is missing from the assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    public static void Map(WebApplication app)
    {
        // Pages read with a key bound to an account show that account only; the model pages are install-wide reads.
        var dashboard = app.MapGroup(string.Empty).ExcludeFromDescription().ServesAccountKeys();
        dashboard.MapGet("/", async (HttpContext context, ReadStore reads, CancellationToken cancellationToken) =>
        {
            var query = context.Request.Query;
            var account = RequestAccount.Of(context.User);
            var campaigns = await CampaignsAsync(reads.Store, account, cancellationToken);
            var request = LeadListRequest.Parse(query);
            if (request.Errors.Count > 0)
            {
                return Page(context, LeadListHtml.RenderProblems(request.Errors, query, campaigns), StatusCodes.Status400BadRequest);
            }

            var page = await reads.Store.ReadLeadListAsync(request.Query with { Account = account }, cancellationToken);
            return Page(context, LeadListHtml.Render(request, query, page, campaigns));
        });

        dashboard.MapGet("/leads/{id:long}", async (long id, HttpContext context, ReadStore reads, CachedLeadFacts leadFacts, ScoringEngine engine, PromotedModel model, PromotedRecommender recommender, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var facts = await reads.Store.SeesLeadAsync(RequestAccount.Of(context.User), new LeadId(id), cancellationToken)
                ? await leadFacts.ReadOneAsync(new LeadId(id), cancellationToken)
                : null;
            if (facts is null)
            {
                return Page(context, LeadPageHtml.RenderNotFound(id), StatusCodes.Status404NotFound);
            }

            var messages = await reads.Store.ReadMessagesOfCampaignAsync(facts.Lead.CampaignId, cancellationToken);
            var view = await LeadEndpoints.ViewAsync(facts, messages, engine, model, new ReasonReader(reads.Store, RequestAccount.Of(context.User)), time.GetUtcNow(), cancellationToken);
            var steps = await RecommendEndpoints.StepsAsync(facts.Lead, reads.Store, recommender, leadFacts, cancellationToken);
            var events = new List<EngagementEvent>();
            await foreach (var engagement in reads.Store.ReadEventsOfLeadAsync(facts.Lead.Id, cancellationToken))
            {
                events.Add(engagement);
            }

            var stored = new StoredScores(await reads.Store.FindScoreAsync(facts.Lead.Id, cancellationToken), await reads.Store.FindModelScoreAsync(facts.Lead.Id, cancellationToken));
            return Page(context, LeadPageHtml.Render(facts.Lead, facts.Campaign?.Name, view, stored, steps, events));
        });

        dashboard.MapGet("/campaigns/{id:long}", async (long id, HttpContext context, ReadStore reads, PromotedRecommender recommender, CachedLeadFacts leadFacts, CancellationToken cancellationToken) =>
            await CampaignView.BuildAsync(new CampaignId(id), RequestAccount.Of(context.User), reads.Store, recommender, leadFacts, cancellationToken) is { } view
                ? Page(context, CampaignPageHtml.Render(view))
                : Page(context, CampaignPageHtml.RenderNotFound(id), StatusCodes.Status404NotFound));

        dashboard.MapGet("/models", async (HttpContext context, ILeadwiseStore store, CancellationToken cancellationToken) =>
        {
            var (versions, promoted) = await ModelVersionsAsync(store, RequestAccount.Of(context.User), cancellationToken);
            return Page(context, ModelPageHtml.RenderList(versions, promoted));
        });

        dashboard.MapGet("/models/{version:int}", async (int version, HttpContext context, ILeadwiseStore store, ModelPageCache pages, CancellationToken cancellationToken) =>
        {
            var found = await store.FindModelAsync(version, RequestAccount.Of(context.User), cancellationToken);
            if (found is null)
            {
                return Page(context, ModelPageHtml.RenderNotFound(version), StatusCodes.Status404NotFound);
            }

            var history = await store.ReadAccountPromotionsAsync(found.Kind, found.Account, cancellationToken);
            var promoted = history.Count > 0 && history[^1].Version == version;
            return found.Kind switch
            {
                ModelKinds.Conversion => Page(context, ModelPageHtml.RenderConversion(found, promoted, await pages.GetAsync(version, cancellationToken), await pages.DriftAsync(version, cancellationToken)), contentSecurityPolicy: ChartsContentSecurityPolicy),
                ModelKinds.Hazard => Page(context, ModelPageHtml.RenderHazard(found, promoted, HazardModelRegistry.ReadReport(found))),
                _ => Page(context, ModelPageHtml.RenderOther(found, promoted)),
            };
        });

        dashboard.MapGet(IconPath, (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "public, max-age=86400";
            return Results.Content(Icon, "image/svg+xml");
        });

        dashboard.MapGet(StylesheetPath, (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "public, max-age=3600";
            return Results.Bytes(Stylesheet.Value, "text/css; charset=utf-8");
        });
    }

    private static IResult Page(HttpContext context, string html, int status = StatusCodes.Status200OK, string contentSecurityPolicy = ContentSecurityPolicy)
    {
        context.Response.Headers.ContentSecurityPolicy = contentSecurityPolicy;
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.Content(html, "text/html; charset=utf-8", statusCode: status);
    }

    /// <summary>
    /// The versions the account may see (every one when null), and the promoted version of each (kind, account) history
    /// among them: the install-wide one of each kind and each account's own, as the server serves them.
    /// </summary>
    private static async Task<(List<ModelVersion> Versions, HashSet<int> Promoted)> ModelVersionsAsync(ILeadwiseStore store, UserId? account, CancellationToken cancellationToken)
    {
        var versions = new List<ModelVersion>();
        var current = new Dictionary<(string Kind, long? Account), int?>();
        await foreach (var model in store.ReadModelsAsync(account, cancellationToken))
        {
            versions.Add(model);
            if (!current.ContainsKey((model.Kind, model.Account?.Value)))
            {
                var history = await store.ReadAccountPromotionsAsync(model.Kind, model.Account, cancellationToken);
                current[(model.Kind, model.Account?.Value)] = history.Count == 0 ? null : history[^1].Version;
            }
        }

        return (versions, [.. current.Values.OfType<int>()]);
    }

    private static async Task<List<Campaign>> CampaignsAsync(ILeadwiseStore store, UserId? account, CancellationToken cancellationToken)
    {
        var campaigns = new List<Campaign>();
        await foreach (var campaign in store.ReadCampaignsAsync(account, cancellationToken))
        {
            campaigns.Add(campaign);
        }

        return campaigns;
    }
}
