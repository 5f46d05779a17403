using System.Collections.Concurrent;

namespace Leadwise.Scoring.Signals;

/// <summary>
/// Remembers Signals' verdicts on strings that repeat from lead to lead (titles, company names, first and last
/// names): keyboard mash, placeholder and not-capitalised are computed together on first sight, seniority on first
/// request. Thread-safe, owned by one engine (no static state), and bounded: past <see cref="Capacity"/> distinct
/// strings, new ones are judged directly and not remembered, so memory stays flat on data that never repeats.
/// </summary>
internal sealed class SignalMemo(int capacity = SignalMemo.DefaultCapacity)
{
    public const int DefaultCapacity = 1 << 17;

    private readonly ConcurrentDictionary<string, TextVerdicts> _verdicts = new(StringComparer.Ordinal);
    private int _count;

    public int Capacity { get; } = capacity;

    /// <summary>Verdicts on <paramref name="text"/>, with its seniority when <paramref name="withSeniority"/>; null gives none.</summary>
    public TextVerdicts Of(string? text, bool withSeniority = false)
    {
        if (text is null)
        {
            return TextVerdicts.None;
        }

        if (_verdicts.TryGetValue(text, out var known) && (!withSeniority || known.HasSeniority))
        {
            return known;
        }

        var verdicts = known.IsEmpty ? TextVerdicts.Judge(text) : known;
        if (withSeniority)
        {
            verdicts = verdicts.WithSeniority(TitleSeniority.Classify(text));
        }

        if (!known.IsEmpty)
        {
            _verdicts[text] = verdicts;
        }
        else if (Volatile.Read(ref _count) < Capacity && _verdicts.TryAdd(text, verdicts))
        {
            Interlocked.Increment(ref _count);
        }

        return verdicts;
    }
}
