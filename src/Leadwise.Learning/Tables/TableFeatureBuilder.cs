using System.Globalization;
using Leadwise.Learning.Training;

namespace Leadwise.Learning.Tables;

/// <summary>
/// Turns a user's table into numeric features: numbers as they are (missing → NaN, a dominant extreme
/// sentinel such as 999 = "never" → NaN plus an indicator), booleans as 0/1, categories one-hot over their
/// frequent values plus "(other)" and "(missing)". Identifiers, free text, constants, dates and all-missing
/// columns are dropped with a reason. Vocabularies and sentinels are chosen from the cells alone, never the
/// label, so building once before cross-validation leaks nothing about the outcome.
/// </summary>
public static class TableFeatureBuilder
{
    private static readonly string[] TruthyValues = ["yes", "true", "t", "1", "y"];
    private static readonly double[] KnownSentinels = [-1, -999, 999, 9999, 99999];

    /// <param name="table">The table.</param>
    /// <param name="profiles">Its column profiles, one per column in order (from <see cref="ColumnRoleInference.Profile"/>).</param>
    /// <param name="label">The resolved label: which rows become matrix rows.</param>
    /// <param name="excluded">Columns to drop, with the reason shown to the user (asked to drop, leaky, used for the time split).</param>
    /// <param name="options">Encoding settings; defaults when null.</param>
    public static TableFeatures Build(
        DelimitedTable table,
        IReadOnlyList<ColumnProfile> profiles,
        TableLabel label,
        IReadOnlyDictionary<string, string> excluded,
        TableFeatureOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(label);
        ArgumentNullException.ThrowIfNull(excluded);
        options ??= new TableFeatureOptions();
        var warnings = new List<string>();
        if (label.MissingCount > 0)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"{label.MissingCount:N0} rows have no value in label \"{label.Column}\" and were left out."));
        }

        var decisions = new List<ColumnDecision>();
        var names = new List<string>();
        var columns = new List<float[]>();
        for (var c = 0; c < table.ColumnCount; c++)
        {
            var profile = profiles[c];
            if (string.Equals(profile.Name, label.Column, StringComparison.Ordinal))
            {
                continue;
            }

            if (excluded.TryGetValue(profile.Name, out var why))
            {
                decisions.Add(new ColumnDecision(profile.Name, profile.Role, false, why, []));
                continue;
            }

            if (profile.MissingCount == table.RowCount)
            {
                warnings.Add($"Column \"{profile.Name}\" is missing (empty or a placeholder) in every row and was dropped.");
                decisions.Add(new ColumnDecision(profile.Name, profile.Role, false, "missing in every row", []));
                continue;
            }

            var cells = table.Column(c);
            EncodedColumn? encoded = profile.Role switch
            {
                ColumnRole.Numeric => EncodeNumeric(profile.Name, cells, label.Rows, options),
                ColumnRole.Boolean => EncodeBoolean(profile.Name, cells, label.Rows, options),
                ColumnRole.Categorical => EncodeCategorical(profile.Name, cells, label.Rows, options),
                _ => null,
            };
            if (encoded is null)
            {
                decisions.Add(new ColumnDecision(profile.Name, profile.Role, false, DropReason(profile.Role), []));
                continue;
            }

            decisions.Add(new ColumnDecision(profile.Name, profile.Role, true, encoded.Reason, [.. encoded.Features.Select(f => f.Name)]));
            foreach (var (name, values) in encoded.Features)
            {
                names.Add(name);
                columns.Add(values);
            }
        }

        var rows = new float[label.Rows.Count][];
        for (var r = 0; r < rows.Length; r++)
        {
            var row = new float[columns.Count];
            for (var f = 0; f < row.Length; f++)
            {
                row[f] = columns[f][r];
            }

            rows[r] = row;
        }

        if (names.Count == 0)
        {
            throw new TableDataException(table.Source, null, "no column is left to learn from; see the column roles above.");
        }

        return new TableFeatures(new FeatureMatrix(names, rows, label.Labels), decisions, warnings);
    }

    private static string DropReason(ColumnRole role) => role switch
    {
        ColumnRole.Identifier => "identifier (unique per row)",
        ColumnRole.Constant => "constant (one value)",
        ColumnRole.Text => "free text",
        // Calendar values of past rows never recur for future leads; a tree would learn the period, not the lead.
        ColumnRole.Date => "date (use --time-column to split by it)",
        _ => role.ToString(),
    };

    private static EncodedColumn EncodeNumeric(
        string name, IReadOnlyList<string> cells, IReadOnlyList<int> rows, TableFeatureOptions options)
    {
        var values = new float[rows.Count];
        var present = new List<double>(rows.Count);
        for (var r = 0; r < rows.Count; r++)
        {
            var cell = cells[rows[r]];
            if (!options.Roles.IsMissing(cell) && ColumnRoleInference.TryParseNumber(cell, out var x))
            {
                values[r] = (float)x;
                present.Add(x);
            }
            else
            {
                values[r] = float.NaN;
            }
        }

        if (FindSentinel(present, options.SentinelMinShare) is not double sentinel)
        {
            return new("numeric", [(name, values)]);
        }

        var indicator = new float[rows.Count];
        var hits = 0;
        for (var r = 0; r < rows.Count; r++)
        {
            if (values[r] == (float)sentinel)
            {
                values[r] = float.NaN;
                indicator[r] = 1;
                hits++;
            }
        }

        var text = sentinel.ToString(CultureInfo.InvariantCulture);
        return new(string.Create(CultureInfo.InvariantCulture, $"numeric; {text} in {100.0 * hits / rows.Count:F1}% of rows read as \"none\" (missing + indicator)"),
            [(name, values), ($"{name}={text}", indicator)]);
    }

    /// <summary>The dominant extreme value that stands for "none" rather than an amount, if there is one.</summary>
    internal static double? FindSentinel(IReadOnlyList<double> present, double minShare)
    {
        if (present.Count == 0)
        {
            return null;
        }

        var (top, count) = present.GroupBy(v => v).Select(g => (g.Key, g.Count())).MaxBy(g => g.Item2);
        var others = present.Where(v => v != top).Distinct().ToList();
        if ((double)count / present.Count < minShare || others.Count < 2)
        {
            return null;
        }

        double min = others.Min(), max = others.Max();
        var gap = top > max ? top - max : top < min ? min - top : double.NaN;
        if (double.IsNaN(gap))
        {
            return null; // in the middle of the range: a common value, not a stand-in
        }

        return gap > max - min || KnownSentinels.Contains(top) ? top : null;
    }

    private static EncodedColumn EncodeBoolean(
        string name, IReadOnlyList<string> cells, IReadOnlyList<int> rows, TableFeatureOptions options)
    {
        var values = new float[rows.Count];
        string? truthy = null;
        for (var r = 0; r < rows.Count; r++)
        {
            var cell = cells[rows[r]];
            if (options.Roles.IsMissing(cell))
            {
                values[r] = float.NaN;
                continue;
            }

            var value = cell.Trim();
            var isTrue = TruthyValues.Contains(value, StringComparer.OrdinalIgnoreCase);
            truthy ??= isTrue ? value.ToLowerInvariant() : null;
            values[r] = isTrue ? 1 : 0;
        }

        return new($"boolean ({truthy ?? "true"} = 1)", [(name, values)]);
    }

    private static EncodedColumn EncodeCategorical(
        string name, IReadOnlyList<string> cells, IReadOnlyList<int> rows, TableFeatureOptions options)
    {
        var keys = new string?[rows.Count];
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var r = 0; r < rows.Count; r++)
        {
            var cell = cells[rows[r]];
            if (!options.Roles.IsMissing(cell))
            {
                var key = cell.Trim();
                keys[r] = key;
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        }

        var kept = counts.Where(p => p.Value >= options.MinCategoryRows)
            .OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)
            .Take(options.MaxCategories)
            .Select((p, i) => (p.Key, Index: i))
            .ToDictionary(p => p.Key, p => p.Index, StringComparer.Ordinal);
        var hasOther = counts.Count > kept.Count;
        var hasMissing = keys.Any(k => k is null);
        var features = kept.OrderBy(p => p.Value).Select(p => ($"{name}={p.Key}", new float[rows.Count])).ToList();
        var other = hasOther ? features.Count : -1;
        if (hasOther)
        {
            features.Add(($"{name}=(other)", new float[rows.Count]));
        }

        var missing = hasMissing ? features.Count : -1;
        if (hasMissing)
        {
            features.Add(($"{name}=(missing)", new float[rows.Count]));
        }

        for (var r = 0; r < rows.Count; r++)
        {
            var f = keys[r] is not { } key ? missing : kept.TryGetValue(key, out var index) ? index : other;
            features[f].Item2[r] = 1;
        }

        var reason = string.Create(CultureInfo.InvariantCulture, $"categorical: one-hot of {kept.Count} values")
            + (hasOther ? string.Create(CultureInfo.InvariantCulture, $", {counts.Count - kept.Count} rarer as (other)") : string.Empty)
            + (hasMissing ? ", (missing)" : string.Empty);
        return new(reason, features);
    }

    private sealed record EncodedColumn(string Reason, List<(string Name, float[] Values)> Features);
}
