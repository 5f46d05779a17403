namespace Leadwise.Generator.Simulation;

/// <summary>
/// An engagement event before it becomes a Core record: its time (Unix ms), the order it was drawn in (the
/// tie-break that makes the per-lead sort total), and its values. <see cref="Seconds"/> is the time on page (0 = none).
/// </summary>
internal readonly record struct EventDraft(long Ms, int Sequence, string Type, string? Url, string? Campaign, int Seconds)
{
    public static int Compare(EventDraft a, EventDraft b)
    {
        var byTime = a.Ms.CompareTo(b.Ms);
        return byTime != 0 ? byTime : a.Sequence.CompareTo(b.Sequence);
    }
}
