using System.Collections.Frozen;

namespace Leadwise.Learning.Tables;

/// <summary>Settings for <see cref="ColumnRoleInference"/>: which cells count as missing, and when strings are free text.</summary>
public sealed class ColumnRoleOptions
{
    /// <summary>The placeholders treated as missing by default (besides empty or blank cells), compared case-insensitively.</summary>
    public static IReadOnlyList<string> DefaultPlaceholders { get; } = ["unknown", "select", "n/a", "-"];

    private FrozenSet<string> _placeholders = DefaultPlaceholders.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Placeholder values counted as missing, compared case-insensitively after trimming.</summary>
    public IReadOnlyCollection<string> MissingPlaceholders
    {
        get => _placeholders;
        init => _placeholders = value.Select(v => v.Trim()).ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>A string column is free text when at least this share of its non-missing values are distinct…</summary>
    public double TextMinDistinctShare { get; init; } = 0.5;

    /// <summary>…and at least this share of them contain a space.</summary>
    public double TextMinSpaceShare { get; init; } = 0.5;

    /// <summary>Whether <paramref name="cell"/> is empty, blank or a placeholder.</summary>
    public bool IsMissing(string cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        var trimmed = cell.AsSpan().Trim();
        return trimmed.IsEmpty || _placeholders.GetAlternateLookup<ReadOnlySpan<char>>().Contains(trimmed);
    }
}
