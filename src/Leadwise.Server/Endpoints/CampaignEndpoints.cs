using System.Globalization;
using System.Security.Claims;
using Leadwise.Core.Outreach;
using Leadwise.Server.Security;

namespace Leadwise.Server.Endpoints;

/// <summary>
/// <c>GET /api/campaigns</c>: every campaign with its owner, type and lead count; <c>GET /api/campaigns/{id}</c>: one
/// campaign's messages, its funnel per step, and the campaign-level recommendation (the one sequence maximising the
/// expected replies of its leads not yet contacted, beside the current sequence's) when a sequence model is promoted.
/// </summary>
internal static class CampaignEndpoints
{
    public static void Map(WebApplication app)
    {
        var api = app.MapGroup("/api/campaigns").RequireAuthorization(LeadwisePolicies.Read).WithTags("Campaigns").ServesAccountKeys();
        api.MapGet(string.Empty, async (ClaimsPrincipal user, ReadStore reads, CancellationToken cancellationToken) =>
        {
            var account = RequestAccount.Of(user);
            var counts = await reads.Store.CountLeadsPerCampaignAsync(account, cancellationToken);
            var campaigns = new List<CampaignSummary>();
            await foreach (var campaign in reads.Store.ReadCampaignsAsync(account, cancellationToken))
            {
                campaigns.Add(new CampaignSummary(campaign.Id.Value, campaign.Name, campaign.Type, campaign.UserId.Value, counts.GetValueOrDefault(campaign.Id)));
            }

            return Results.Ok(campaigns);
        }).WithSummary("Every campaign with its owner, type and number of leads");

        api.MapGet("/{id:long}", async (long id, ClaimsPrincipal user, ReadStore reads, PromotedRecommender recommender, CachedLeadFacts leadFacts, CancellationToken cancellationToken) =>
        {
            if (await CampaignView.BuildAsync(new CampaignId(id), RequestAccount.Of(user), reads.Store, recommender, leadFacts, cancellationToken) is not { } view)
            {
                return Results.Problem(
                    statusCode: StatusCodes.Status404NotFound,
                    title: "Campaign not found",
                    detail: string.Create(CultureInfo.InvariantCulture, $"There is no campaign {id}."),
                    extensions: new Dictionary<string, object?> { ["field"] = "id" });
            }

            var recommendation = view.Recommendation is { } found
                ? new CampaignSequence(found.Leads, [.. found.Sequence.Select(key => key.ToString())], found.ExpectedReplies, found.CurrentExpectedReplies)
                : null;
            return Results.Ok(new CampaignDetail(
                new CampaignSummary(view.Campaign.Id.Value, view.Campaign.Name, view.Campaign.Type, view.Campaign.UserId.Value, view.Leads),
                [.. view.Messages.Select(m => new CampaignMessage(m.Key.ToString(), m.Order, m.Name, m.Content, m.IntervalDays))],
                view.Funnel,
                recommendation));
        }).WithSummary("One campaign: its messages, its funnel per step, and the recommended sequence with expected replies");
    }
}

/// <summary>A campaign in the list.</summary>
internal sealed record CampaignSummary(long Id, string? Name, string? Type, long UserId, int Leads);

/// <summary>One of the campaign's messages (id <c>"&lt;order&gt;-&lt;campaignId&gt;"</c>).</summary>
internal sealed record CampaignMessage(string MessageId, int Order, string? Name, string? Content, double? Interval);

/// <summary>The campaign-level recommendation: over how many leads, the message per step, and the expected replies with it and with the current sequence.</summary>
internal sealed record CampaignSequence(int Leads, IReadOnlyList<string> MessageIds, double ExpectedReplies, double CurrentExpectedReplies);

/// <summary>One campaign with its messages, funnel and recommendation (null without a promoted sequence model).</summary>
internal sealed record CampaignDetail(CampaignSummary Campaign, IReadOnlyList<CampaignMessage> Messages, IReadOnlyList<FunnelStep> Funnel, CampaignSequence? Recommendation);
