using System.Globalization;
using System.Security.Claims;
using Leadwise.Core.Outreach;
using Leadwise.Core.Scoring;
using Leadwise.Learning.Features;
using Leadwise.Learning.Model;
using Leadwise.Scoring.Engine;
using Leadwise.Server.Security;

namespace Leadwise.Server.Endpoints;

/// <summary>
/// <c>GET /api/leads/{id}</c>: one lead with its point breakdown and the promoted model's probability and reasons,
/// both as of now. <c>POST /api/score</c>: the same for a lead posted as JSON (a form or a CRM at capture time),
/// nothing stored. Errors are RFC 7807 problem details naming the field at fault.
/// </summary>
internal static class LeadEndpoints
{
    public static void Map(WebApplication app)
    {
        var api = app.MapGroup("/api").WithTags("Leads").ServesAccountKeys();
        api.MapGet("/leads/{id:long}", async (long id, ClaimsPrincipal user, ReadStore reads, CachedLeadFacts leadFacts, ScoringEngine engine, PromotedModel model, TimeProvider time, CancellationToken cancellationToken) =>
        {
            // Another account's lead is answered as a missing one, so its id tells nothing.
            var facts = await reads.Store.SeesLeadAsync(RequestAccount.Of(user), new LeadId(id), cancellationToken)
                ? await leadFacts.ReadOneAsync(new LeadId(id), cancellationToken)
                : null;
            if (facts is null)
            {
                return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Lead not found", detail: string.Create(CultureInfo.InvariantCulture, $"There is no lead {id}."));
            }

            var messages = await reads.Store.ReadMessagesOfCampaignAsync(facts.Lead.CampaignId, cancellationToken);
            return Results.Ok(await ViewAsync(facts, messages, engine, model, new ReasonReader(reads.Store, RequestAccount.Of(user)), time.GetUtcNow(), cancellationToken));
        })
        .WithSummary("One lead with its point breakdown and the model's probability and reasons");

        api.MapPost("/score", async (ScoreRequest request, ClaimsPrincipal user, ReadStore reads, ScoringEngine engine, PromotedModel model, TimeProvider time, CancellationToken cancellationToken) =>
        {
            Campaign? campaign = null;
            IReadOnlyList<Message> messages = [];
            if (request.CampaignId is { } campaignId)
            {
                campaign = await reads.Store.FindCampaignAsync(new CampaignId(campaignId), RequestAccount.Of(user), cancellationToken);
                if (campaign is null)
                {
                    return Results.ValidationProblem(new Dictionary<string, string[]> { ["campaignId"] = [string.Create(CultureInfo.InvariantCulture, $"There is no campaign {campaignId}.")] });
                }

                messages = await reads.Store.ReadMessagesOfCampaignAsync(campaign.Id, cancellationToken);
            }

            var lead = request.ToLead(campaign?.Id ?? new CampaignId(0));
            var facts = new LeadFacts(lead, campaign, null, []);
            // The campaign's account's model; without a campaign, the account a bound key acts for (its own promoted model,
            // else the install-wide one). An install-wide key without a campaign names no account: the install-wide model.
            return Results.Ok(await ViewAsync(facts, messages, engine, model, new ReasonReader(reads.Store, RequestAccount.Of(user)), time.GetUtcNow(), campaign?.UserId ?? RequestAccount.Of(user), cancellationToken));
        })
        .WithSummary("Score a lead posted as JSON without storing it")
        .RequireAuthorization(LeadwisePolicies.Read); // a POST, but it stores nothing: a read, open with Leadwise:OpenReads
    }

    /// <summary>The lead's points and the promoted model's view of it as of <paramref name="now"/>; the dashboard's lead page shows the same.</summary>
    internal static Task<LeadView> ViewAsync(LeadFacts facts, IReadOnlyList<Message> messages, ScoringEngine engine, PromotedModel model, ReasonReader reader, DateTimeOffset now, CancellationToken cancellationToken) =>
        // The lead's own account's model when it has one promoted, else the install-wide one, as `leadwise score` stores.
        ViewAsync(facts, messages, engine, model, reader, now, facts.Campaign?.UserId, cancellationToken);

    /// <summary>The same with the model <paramref name="account"/> is served (its own promoted one, else the install-wide one; null: the install-wide one).</summary>
    internal static async Task<LeadView> ViewAsync(LeadFacts facts, IReadOnlyList<Message> messages, ScoringEngine engine, PromotedModel model, ReasonReader reader, DateTimeOffset now, UserId? account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var points = engine.Score(facts, now);
        ModelView? modelView = null;
        if (await model.GetAsync(account, cancellationToken) is { } promoted)
        {
            var preContact = PreContactFacts.ForScoring(facts, messages, now);
            var prediction = promoted.Model.Predict(preContact);
            var factors = promoted.Model.Explain(preContact);
            // Names only the accounts the caller may see; read only when a reason mentions an account.
            var accounts = factors.Any(f => f.Feature == FeatureWords.CampaignOwner)
                ? await AccountNames.ReadAsync(reader.Store, reader.Account, cancellationToken)
                : null;
            modelView = new ModelView(
                promoted.Version,
                prediction.Probability,
                prediction.Score,
                prediction.Grade,
                [.. factors.Select(f => new ReasonView(FeatureWords.Sentence(f.Feature, f.Value, accounts), f.Points, FeatureWords.Sentence(f.Feature, f.Typical, accounts), f.Contribution))]);
        }

        var lead = facts.Lead;
        return new LeadView(
            lead.Id.Value,
            lead.CampaignId.Value,
            lead.Name,
            lead.Title,
            lead.CompanyName,
            lead.Country,
            new PointsView(points.Total, points.Grade, points.Subtotals.ToDictionary(s => s.Key.ToString(), s => s.Value), [.. points.Hits.Select(h => new HitView(h.RuleId, h.Model.ToString(), h.Points, h.Reason))]),
            modelView,
            now);
    }
}

/// <summary>A lead to score, as a form or CRM posts it; every field optional.</summary>
internal sealed record ScoreRequest(
    string? FirstName,
    string? LastName,
    string? Title,
    string? Email,
    string? Gender,
    string? CompanyName,
    string? Country,
    long? CampaignId)
{
    public Lead ToLead(CampaignId campaignId) => new()
    {
        Id = new LeadId(0),
        CampaignId = campaignId,
        FirstName = FirstName,
        LastName = LastName,
        Name = string.Join(' ', new[] { FirstName, LastName }.Where(n => !string.IsNullOrWhiteSpace(n))),
        Title = Title,
        Email = Email,
        Gender = Gender,
        CompanyName = CompanyName,
        Country = Country,
    };
}

internal sealed record LeadView(long Id, long CampaignId, string? Name, string? Title, string? CompanyName, string? Country, PointsView Points, ModelView? Model, DateTimeOffset AsOf);

internal sealed record PointsView(double Total, string Grade, IReadOnlyDictionary<string, double> Subtotals, IReadOnlyList<HitView> Hits);

internal sealed record HitView(string Rule, string Model, double Points, string Reason);

internal sealed record ModelView(int Version, double Probability, int Score, string Grade, IReadOnlyList<ReasonView> Reasons);

/// <summary>One model reason: the lead's value in words, the percentage points it adds to the probability, and what it is compared with.</summary>
internal sealed record ReasonView(string Factor, double Points, string ComparedWith, double? Contribution = null);
