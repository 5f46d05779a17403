using Leadwise.Core.Outreach;

namespace Leadwise.Recommend.Hazards;

/// <summary>One invite of a gated (LinkedIn connection request) campaign and whether the lead accepted it.</summary>
public sealed record AcceptanceRow(LeadId LeadId, CampaignId CampaignId, MessageKey Invite, bool Accepted);
