using Leadwise.Core.Scoring;
using Leadwise.Scoring.Rules;

namespace Leadwise.Scoring.Engine;

/// <summary>An event rule with its window and half-life in ticks/days, ready for the per-lead pass over events.</summary>
internal sealed class CompiledEventRule(ScoringRule rule, EventCondition condition, int index)
{
    public ScoringRule Rule { get; } = rule;

    public EventCondition Condition { get; } = condition;

    /// <summary>Position of this rule's accumulators in the per-lead scratch spans.</summary>
    public int Index { get; } = index;

    public ScoringModel Model { get; } = rule.Group;

    public double Points { get; } = rule.Points;

    public double Cap { get; } = rule.Cap ?? double.PositiveInfinity;

    public bool PerEvent { get; } = condition.PerEvent;

    public bool IsBurst { get; } = condition.IsBurst;

    public int CountMin { get; } = condition.CountMin ?? 1;

    /// <summary>Oldest age (in ticks) an event may have to count; <see cref="long.MaxValue"/> for no window.</summary>
    public long WindowTicks { get; } = condition.WithinDays is { } days ? (long)(days * TimeSpan.TicksPerDay) : long.MaxValue;

    public long BurstTicks { get; } = condition.WithinSeconds is { } seconds ? (long)(seconds * TimeSpan.TicksPerSecond) : 0;

    /// <summary>For a rule without decay, whose hit depends on the event count alone: the hit per count, built on first need.</summary>
    public RuleHit?[] HitsByCount { get; } = new RuleHit?[64];

    /// <summary>Ticks per half-life, or 0 for no decay.</summary>
    public double HalfLifeTicks { get; } = condition.HalfLifeDays is { } halfLife ? halfLife * TimeSpan.TicksPerDay : 0;
}
