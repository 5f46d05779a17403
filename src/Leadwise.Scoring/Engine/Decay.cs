namespace Leadwise.Scoring.Engine;

/// <summary>Exponential decay of event points: an event's points halve every half-life.</summary>
public static class Decay
{
    /// <summary>The share (0..1] of its points an event <paramref name="ageDays"/> old keeps: 0.5 at one half-life, 1 for none.</summary>
    public static double Factor(double ageDays, double? halfLifeDays) =>
        halfLifeDays is { } halfLife && ageDays > 0 ? double.Exp2(-ageDays / halfLife) : 1.0;
}
