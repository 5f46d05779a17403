using System.Collections.Concurrent;

namespace Leadwise.Scoring.Signals;

/// <summary>
/// Remembers, per email domain (case-insensitively), what <see cref="EmailClassifier"/> concludes from the domain
/// alone: a test domain, a disposable provider, free mail. Addresses are mostly unique but their domains repeat, so
/// the list lookups run once per domain. Thread-safe, owned by one engine, bounded like <see cref="SignalMemo"/>.
/// </summary>
internal sealed class EmailDomainMemo(int capacity = SignalMemo.DefaultCapacity)
{
    public const byte Judged = 1;
    public const byte Test = 2;
    public const byte Disposable = 4;
    public const byte FreeMail = 8;

    private readonly ConcurrentDictionary<string, byte> _verdicts = new(StringComparer.OrdinalIgnoreCase);
    private int _count;

    public int Capacity { get; } = capacity;

    public byte Of(ReadOnlySpan<char> domain)
    {
        var lookup = _verdicts.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(domain, out var known))
        {
            return known;
        }

        var verdict = EmailClassifier.JudgeDomain(domain);
        if (Volatile.Read(ref _count) < Capacity && lookup.TryAdd(domain, verdict))
        {
            Interlocked.Increment(ref _count);
        }

        return verdict;
    }
}
