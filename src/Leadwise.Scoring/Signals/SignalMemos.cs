namespace Leadwise.Scoring.Signals;

/// <summary>
/// One engine's memos of Signals' verdicts, one per kind of string so that a kind that never repeats cannot crowd
/// out one that does: titles (with seniority), company names, first and last names, and full names.
/// </summary>
internal sealed class SignalMemos(int capacity = SignalMemo.DefaultCapacity)
{
    public SignalMemo Titles { get; } = new(capacity);

    public SignalMemo Companies { get; } = new(capacity);

    public SignalMemo Names { get; } = new(capacity);

    public SignalMemo FullNames { get; } = new(capacity);
}
