using System.Collections.Concurrent;

namespace Leadwise.Scoring.Engine;

/// <summary>
/// A thread-safe memo owned by one engine that stops remembering after <see cref="Capacity"/> keys, so memory
/// stays bounded on values that never repeat; past the cap, values are computed on every call.
/// </summary>
internal sealed class BoundedMemo<TKey, TValue>(int capacity, IEqualityComparer<TKey>? comparer = null)
    where TKey : notnull
{
    public const int DefaultCapacity = 1 << 16;

    private readonly ConcurrentDictionary<TKey, TValue> _values = new(comparer);
    private int _count;

    public int Capacity { get; } = capacity;

    public bool TryGet(TKey key, out TValue value) => _values.TryGetValue(key, out value!);

    /// <summary>Remembers <paramref name="value"/> for <paramref name="key"/> unless the memo is full or already has it.</summary>
    public void Add(TKey key, TValue value)
    {
        if (Volatile.Read(ref _count) < Capacity && _values.TryAdd(key, value))
        {
            Interlocked.Increment(ref _count);
        }
    }
}
