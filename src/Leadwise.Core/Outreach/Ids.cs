using System.Globalization;

namespace Leadwise.Core.Outreach;

/// <summary>An account of the outreach tool; campaigns belong to one.</summary>
public readonly record struct UserId(long Value)
{
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>An outreach campaign. The export's ids are large integers, never row positions.</summary>
public readonly record struct CampaignId(long Value)
{
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>One person contacted in one campaign.</summary>
public readonly record struct LeadId(long Value)
{
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>One daily snapshot row of a campaign's counters.</summary>
public readonly record struct SnapshotId(long Value)
{
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
