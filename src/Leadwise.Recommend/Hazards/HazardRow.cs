using Leadwise.Core.Outreach;

namespace Leadwise.Recommend.Hazards;

/// <summary>
/// One step of one lead's sequence that reached it: the lead received <see cref="Message"/> at <see cref="Step"/>
/// (planned <see cref="IntervalDays"/> after the previous step) having not replied before; <see cref="Replied"/>
/// says whether it replied at this step. The discrete-time hazard model learns P(<see cref="Replied"/>).
/// </summary>
public sealed record HazardRow(LeadId LeadId, CampaignId CampaignId, MessageKey Message, int Step, double? IntervalDays, bool Replied);
