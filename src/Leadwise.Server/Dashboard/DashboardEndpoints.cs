using Leadwise.Core.Engagement;
using Leadwise.Core.Outreach;
using Leadwise.Core.Scoring;
using Leadwise.Data.Storage;
using Leadwise.Scoring.Engine;
using Leadwise.Server.Endpoints;

namespace Leadwise.Server.Dashboard;

/// <summary>
/// The dashboard, server-rendered by the same host: <c>/</c> the ranked lead list, <c>/leads/{id}</c> one lead,
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

    private static readonly Lazy<byte[]> Stylesheet = new(() =>
    {
        using var stream = typeof(DashboardEndpoints).Assembly.GetManifestResourceStream("Leadwise.Server.Dashboard.dashboard.css")
            ?? throw new InvalidOperationException("The dashboard stylesheet is missing from the assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    /// <summary>The campaign page recommends its sequence over at most this many of its leads, so the page stays quick.</summary>
    public const int MaxCampaignLeads = 2_000;

    public static void Map(WebApplication app)
    {
        var dashboard = app.MapGroup(string.Empty).ExcludeFromDescription();
        dashboard.MapGet("/", async (HttpContext context, ILeadwiseStore store, CancellationToken cancellationToken) =>
        {
            var query = context.Request.Query;
            var campaigns = await CampaignsAsync(store, cancellationToken);
            var request = LeadListRequest.Parse(query);
            if (request.Errors.Count > 0)
            {
                return Page(context, LeadListHtml.RenderProblems(request.Errors, query, campaigns), StatusCodes.Status400BadRequest);
            }

            var page = await store.ReadLeadListAsync(request.Query, cancellationToken);
            return Page(context, LeadListHtml.Render(request, query, page, campaigns));
        });

        dashboard.MapGet("/leads/{id:long}", async (long id, HttpContext context, ILeadwiseStore store, CachedLeadFacts leadFacts, ScoringEngine engine, PromotedModel model, PromotedRecommender recommender, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var facts = await leadFacts.ReadOneAsync(new LeadId(id), cancellationToken);
            if (facts is null)
            {
                return Page(context, LeadPageHtml.RenderNotFound(id), StatusCodes.Status404NotFound);
            }

            var messages = await store.ReadMessagesOfCampaignAsync(facts.Lead.CampaignId, cancellationToken);
            var view = await LeadEndpoints.ViewAsync(facts, messages, engine, model, time.GetUtcNow(), cancellationToken);
            var steps = await RecommendEndpoints.StepsAsync(facts.Lead, store, recommender, leadFacts, cancellationToken);
            var events = new List<EngagementEvent>();
            await foreach (var engagement in store.ReadEventsOfLeadAsync(facts.Lead.Id, cancellationToken))
            {
                events.Add(engagement);
            }

            var stored = new StoredScores(await store.FindScoreAsync(facts.Lead.Id, cancellationToken), await store.FindModelScoreAsync(facts.Lead.Id, cancellationToken));
            return Page(context, LeadPageHtml.Render(facts.Lead, facts.Campaign?.Name, view, stored, steps, events));
        });

        dashboard.MapGet("/campaigns/{id:long}", async (long id, HttpContext context, ILeadwiseStore store, PromotedRecommender recommender, CachedLeadFacts leadFacts, CancellationToken cancellationToken) =>
        {
            var campaign = (await CampaignsAsync(store, cancellationToken)).FirstOrDefault(c => c.Id.Value == id);
            if (campaign is null)
            {
                return Page(context, CampaignPageHtml.RenderNotFound(id), StatusCodes.Status404NotFound);
            }

            var leads = new List<Lead>();
            await foreach (var lead in store.ReadLeadsOfCampaignAsync(campaign.Id, cancellationToken))
            {
                leads.Add(lead);
            }

            var messages = await store.ReadMessagesOfCampaignAsync(campaign.Id, cancellationToken);
            var catalog = await recommender.GetAsync(cancellationToken);
            Leadwise.Recommend.Recommending.CampaignRecommendation? recommendation = null;
            if (catalog is not null && leads.Count > 0)
            {
                // The leads the sequence is for: those not yet contacted, else all; at most MaxCampaignLeads of them, read one
                // by one with their events and company, as the lead page reads one.
                var waiting = leads.Where(l => l.InviteSentAt is null && l.Skip != true).ToList();
                var facts = new List<LeadFacts>();
                foreach (var lead in (waiting.Count > 0 ? waiting : leads).Take(MaxCampaignLeads))
                {
                    if (await leadFacts.ReadOneAsync(lead.Id, cancellationToken) is { } found)
                    {
                        facts.Add(found);
                    }
                }

                try
                {
                    recommendation = catalog.Recommender.RecommendCampaign(campaign.Id, facts);
                }
                catch (Exception exception) when (exception is InvalidOperationException or KeyNotFoundException)
                {
                    // No invite message, or a campaign the catalog has not read yet: the page shows the current sequence.
                }
            }

            return Page(context, CampaignPageHtml.Render(campaign, leads.Count, CampaignPageHtml.Funnel(leads), [.. messages.OrderBy(m => m.Order)], recommendation, catalog?.Messages ?? new Dictionary<MessageKey, Message>()));
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

    private static IResult Page(HttpContext context, string html, int status = StatusCodes.Status200OK)
    {
        context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.Content(html, "text/html; charset=utf-8", statusCode: status);
    }

    private static async Task<List<Campaign>> CampaignsAsync(ILeadwiseStore store, CancellationToken cancellationToken)
    {
        var campaigns = new List<Campaign>();
        await foreach (var campaign in store.ReadCampaignsAsync(cancellationToken))
        {
            campaigns.Add(campaign);
        }

        return campaigns;
    }
}
