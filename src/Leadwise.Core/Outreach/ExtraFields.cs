using System.Collections.Immutable;

namespace Leadwise.Core.Outreach;

/// <summary>
/// Values of columns an export carried that Leadwise does not know. They are kept, not dropped,
/// so a newer export loses nothing and <c>export</c> can write them back.
/// </summary>
public sealed class ExtraFields : IEquatable<ExtraFields>
{
    public static readonly ExtraFields None = new(ImmutableSortedDictionary<string, string?>.Empty.WithComparers(StringComparer.Ordinal));

    private ExtraFields(ImmutableSortedDictionary<string, string?> values) => Values = values;

    public ImmutableSortedDictionary<string, string?> Values { get; }

    public bool IsEmpty => Values.IsEmpty;

    public static ExtraFields From(IEnumerable<KeyValuePair<string, string?>> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var built = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, values);
        return built.IsEmpty ? None : new ExtraFields(built);
    }

    public string? this[string column] => Values.TryGetValue(column, out var value) ? value : null;

    public bool Equals(ExtraFields? other) =>
        other is not null
        && Values.Count == other.Values.Count
        && Values.All(pair => other.Values.TryGetValue(pair.Key, out var value) && string.Equals(value, pair.Value, StringComparison.Ordinal));

    public override bool Equals(object? obj) => Equals(obj as ExtraFields);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var (key, value) in Values)
        {
            hash.Add(key, StringComparer.Ordinal);
            hash.Add(value, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }
}
