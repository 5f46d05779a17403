namespace Leadwise.Scoring.Rules;

/// <summary>
/// A test on a lead's events of one type. Without <see cref="CountMin"/> every event scores (decayed by
/// <see cref="HalfLifeDays"/>, within <see cref="WithinDays"/>, then capped); with it the rule scores once
/// when at least that many events occurred within <see cref="WithinDays"/> days before the as-of time, or,
/// with <see cref="WithinSeconds"/>, within any span of that many seconds (a burst).
/// </summary>
public sealed record EventCondition(string EventType) : RuleCondition
{
    public double? HalfLifeDays { get; init; }

    public double? WithinDays { get; init; }

    public int? CountMin { get; init; }

    public double? WithinSeconds { get; init; }

    /// <summary>True when each event scores on its own (no <c>count</c>).</summary>
    public bool PerEvent => CountMin is null;

    /// <summary>True for a burst rule: <c>count: {min, withinSeconds}</c>.</summary>
    public bool IsBurst => CountMin is not null && WithinSeconds is not null;
}
