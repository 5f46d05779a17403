using System.Globalization;
using System.Text.RegularExpressions;

namespace Leadwise.Learning.Tables;

/// <summary>Infers each column's <see cref="ColumnRole"/> from its values and counts missing and distinct cells.</summary>
public static partial class ColumnRoleInference
{
    private const int ExampleCount = 5;

    private static readonly (string A, string B)[] BooleanPairs =
        [("yes", "no"), ("true", "false"), ("t", "f"), ("1", "0"), ("y", "n")];

    /// <summary>Profiles every column of <paramref name="table"/>; the label column is marked but profiled too.</summary>
    /// <exception cref="KeyNotFoundException"><paramref name="labelColumn"/> is not a column.</exception>
    public static IReadOnlyList<ColumnProfile> Profile(DelimitedTable table, string labelColumn, ColumnRoleOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(labelColumn);
        options ??= new ColumnRoleOptions();
        var labelIndex = table.IndexOf(labelColumn);
        var profiles = new ColumnProfile[table.ColumnCount];
        Parallel.For(0, table.ColumnCount, i => profiles[i] = ProfileColumn(table, i, i == labelIndex, options));
        return profiles;
    }

    /// <summary>Parses a cell as an invariant-culture number (no thousands separators, no NaN or infinities).</summary>
    public static bool TryParseNumber(string cell, out double value) =>
        double.TryParse(cell.AsSpan().Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    private static ColumnProfile ProfileColumn(DelimitedTable table, int index, bool isLabel, ColumnRoleOptions options)
    {
        var cells = table.Column(index);
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        var examples = new List<string>(ExampleCount);
        var missing = 0;
        foreach (var cell in cells)
        {
            if (options.IsMissing(cell))
            {
                missing++;
                continue;
            }

            var value = cell.Trim();
            if (distinct.Add(value) && examples.Count < ExampleCount)
            {
                examples.Add(value);
            }
        }

        var role = InferRole(distinct, cells.Count - missing, cells.Count, options);
        return new ColumnProfile(table.Names[index], role, isLabel, missing, distinct.Count, examples);
    }

    private static ColumnRole InferRole(HashSet<string> distinct, int present, int rows, ColumnRoleOptions options)
    {
        if (distinct.Count <= 1)
        {
            return ColumnRole.Constant;
        }

        if (distinct.Count <= 4 && IsBooleanPair(distinct))
        {
            return ColumnRole.Boolean;
        }

        // Unique per row and never missing: a key rather than a feature, unless it is measured data.
        var unique = present == rows && distinct.Count == rows;
        if (distinct.All(v => TryParseNumber(v, out _)))
        {
            return unique && IsRunningNumbers(distinct) ? ColumnRole.Identifier : ColumnRole.Numeric;
        }

        if (distinct.All(IsIsoDate))
        {
            return ColumnRole.Date;
        }

        if (distinct.All(v => Guid.TryParse(v, out _)))
        {
            return ColumnRole.Identifier;
        }

        var withSpaces = distinct.Count(v => v.Contains(' ', StringComparison.Ordinal));
        if (unique && withSpaces == 0)
        {
            return ColumnRole.Identifier;
        }

        var distinctShare = (double)distinct.Count / present;
        var spaceShare = (double)withSpaces / distinct.Count;
        return distinctShare >= options.TextMinDistinctShare && spaceShare >= options.TextMinSpaceShare
            ? ColumnRole.Text
            : ColumnRole.Categorical;
    }

    /// <summary>Exactly two values ignoring case (<c>Yes</c> and <c>yes</c> are one), forming a known pair.</summary>
    private static bool IsBooleanPair(HashSet<string> distinct)
    {
        var values = new HashSet<string>(distinct, StringComparer.OrdinalIgnoreCase);
        return values.Count == 2 && BooleanPairs.Any(p => values.Contains(p.A) && values.Contains(p.B));
    }

    /// <summary>Whole numbers, all distinct, dense enough to be a counter (range under twice the count).</summary>
    private static bool IsRunningNumbers(HashSet<string> distinct)
    {
        var min = double.MaxValue;
        var max = double.MinValue;
        foreach (var v in distinct)
        {
            TryParseNumber(v, out var x);
            if (x != Math.Floor(x))
            {
                return false;
            }

            min = Math.Min(min, x);
            max = Math.Max(max, x);
        }

        return max - min < 2.0 * distinct.Count;
    }

    private static bool IsIsoDate(string value) =>
        IsoDatePattern().IsMatch(value)
        && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}(:?\d{2})?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDatePattern();
}
