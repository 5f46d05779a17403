using Leadwise.Core.Companies;
using Leadwise.Core.Engagement;
using Leadwise.Core.Outreach;
using Leadwise.Core.Scoring;

namespace Leadwise.Learning.Features;

/// <summary>
/// What was known about a lead when it was invited, and nothing after: its person and company fields,
/// its campaign, and the engagement events before the invite. The conversion model's features are built
/// from this type only, so they cannot see the label (replied), the follow-ups sent before a reply, the
/// invite being accepted, or later events — not by discipline but because the type does not hold them.
/// </summary>
public sealed record PreContactFacts
{
    private PreContactFacts(LeadId leadId, DateTimeOffset invitedAt)
    {
        LeadId = leadId;
        InvitedAt = invitedAt;
    }

    public LeadId LeadId { get; }

    public DateTimeOffset InvitedAt { get; }

    public string? Title { get; private init; }

    public string? FirstName { get; private init; }

    public string? LastName { get; private init; }

    public string? Gender { get; private init; }

    public string? Email { get; private init; }

    public string? CompanyName { get; private init; }

    public string? Country { get; private init; }

    public string? CampaignType { get; private init; }

    public int? CampaignSize { get; private init; }

    /// <summary>The user (account) whose campaign invited the lead: its sender, its audience, its way of working.</summary>
    public string? CampaignOwner { get; private init; }

    /// <summary>The lead's fields known at its invite, without its outcome (follow-ups, acceptance, reply) or extra columns.</summary>
    private Lead KnownLead { get; init; } = null!;

    /// <summary>The campaign's settings known at the invite, without its outcome counters (invites accepted, replies).</summary>
    private Campaign? KnownCampaign { get; init; }

    public CompanyProfile? Company { get; private init; }

    /// <summary>The campaign's planned messages (invite first), as templates: known before contact.</summary>
    public IReadOnlyList<MessageTraits> Messages { get; private init; } = [];

    /// <summary>
    /// For a lead in training data: the days between its invite and the end of its campaign's outreach in
    /// the data — a lead invited the day before the export could not have received its follow-ups, so its
    /// outcome is censored. Null when scoring (the whole sequence lies ahead).
    /// </summary>
    public double? ObservedDays { get; private init; }

    /// <summary>Events strictly before the invite, oldest first.</summary>
    public IReadOnlyList<EngagementEvent> EventsBefore { get; private init; } = [];

    /// <summary>
    /// The lead as point rules may read it at its invite: its own fields, its campaign's settings, its company and the
    /// events before the invite — a rule on <c>replied</c> or <c>inviteAccepted</c>, or on an extra column filled
    /// after the outcome, finds nothing, so points taken as model features cannot carry the label.
    /// </summary>
    public LeadFacts AsLeadFacts() => new(KnownLead, KnownCampaign, Company, EventsBefore);

    /// <summary>The lead as it stood at its invite; null for a lead never invited (it has no outcome to learn).</summary>
    /// <param name="facts">The lead with its campaign, company and events.</param>
    /// <param name="campaignMessages">The messages of the lead's campaign, in any order (empty when unknown).</param>
    /// <param name="observedUntil">When the campaign's outreach ends in the data (<see cref="OutreachWindow"/>); null when unknown.</param>
    public static PreContactFacts? Of(LeadFacts facts, IReadOnlyList<Message>? campaignMessages = null, DateTimeOffset? observedUntil = null)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return facts.Lead.InviteSentAt is { } invited
            ? At(facts, campaignMessages, invited) with { ObservedDays = observedUntil is { } end ? Math.Max(0, (end - invited).TotalDays) : null }
            : null;
    }

    /// <summary>
    /// The lead as a model scoring it at <paramref name="asOf"/> may see it: as it stood at its invite
    /// when it was invited by then, otherwise as it stands now, as if invited at that moment — the form
    /// new, not yet contacted leads are scored in.
    /// </summary>
    public static PreContactFacts ForScoring(LeadFacts facts, IReadOnlyList<Message>? campaignMessages, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var invited = facts.Lead.InviteSentAt is { } sent && sent <= asOf ? sent : asOf;
        return At(facts, campaignMessages, invited);
    }

    private static PreContactFacts At(LeadFacts facts, IReadOnlyList<Message>? campaignMessages, DateTimeOffset invited)
    {
        var lead = facts.Lead;
        return new PreContactFacts(lead.Id, invited)
        {
            Title = lead.Title,
            FirstName = lead.FirstName,
            LastName = lead.LastName,
            Gender = lead.Gender,
            Email = lead.Email,
            CompanyName = lead.CompanyName,
            Country = lead.Country,
            CampaignType = facts.Campaign?.Type,
            CampaignSize = facts.Campaign?.NumOfLeads,
            CampaignOwner = facts.Campaign?.UserId.ToString(),
            KnownLead = new Lead
            {
                Id = lead.Id,
                UserId = lead.UserId,
                CampaignId = lead.CampaignId,
                Name = lead.Name,
                FirstName = lead.FirstName,
                LastName = lead.LastName,
                Gender = lead.Gender,
                Email = lead.Email,
                CompanyName = lead.CompanyName,
                Title = lead.Title,
                City = lead.City,
                Country = lead.Country,
                Location = lead.Location,
                CreatedAt = lead.CreatedAt,
                InviteSentAt = invited,
            },
            KnownCampaign = facts.Campaign is { } campaign
                ? new Campaign { Id = campaign.Id, UserId = campaign.UserId, Name = campaign.Name, Type = campaign.Type, NumOfLeads = campaign.NumOfLeads, UseFirstName = campaign.UseFirstName, CreatedAt = campaign.CreatedAt }
                : null,
            Company = facts.Company,
            EventsBefore = [.. facts.Events.Where(e => e.OccurredAt < invited).OrderBy(e => e.OccurredAt)],
            Messages = [.. (campaignMessages ?? []).OrderBy(m => m.Order).Select(MessageTraits.Of)],
        };
    }
}
