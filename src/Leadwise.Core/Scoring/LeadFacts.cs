using Leadwise.Core.Companies;
using Leadwise.Core.Engagement;
using Leadwise.Core.Outreach;

namespace Leadwise.Core.Scoring;

/// <summary>Everything known about a lead that scoring may read: the lead, its campaign, its company and its events.</summary>
public sealed record LeadFacts(
    Lead Lead,
    Campaign? Campaign,
    CompanyProfile? Company,
    IReadOnlyList<EngagementEvent> Events);
