using Leadwise.Core.Outreach;
using Leadwise.Generator.Truth;

namespace Leadwise.Generator.Planning;

/// <summary>
/// Everything needed to (re)generate a campaign's leads deterministically: its identity, timeline (Unix ms),
/// audience, messages and their profiles. <see cref="EndMs"/> is the cutoff: the stop time or the export date.
/// </summary>
internal sealed record CampaignPlan(
    CampaignId Id,
    AccountPlan Account,
    string Name,
    string Type,
    MessageChannel Channel,
    bool Stopped,
    bool Deleted,
    long StartMs,
    long EndMs,
    double PlannedSpanMs,
    int LeadCount,
    long FirstLeadIndex,
    ulong Seed,
    Segment Target,
    int MinimumInvites,
    int MaximumInvites,
    IReadOnlyList<Message> Messages,
    IReadOnlyList<MessageProfile> Profiles)
{
    public UserId UserId => Account.User.Id;

    /// <summary>Days to wait before step k (k ≥ 1), in ms; index 0 is unused.</summary>
    public long IntervalMs(int step) => (long)(Messages[step].IntervalDays!.Value * 86_400_000.0);
}
