using System.Globalization;

namespace Leadwise.Learning.Tables;

/// <summary>
/// The label column of a user's table resolved to booleans. Rows whose label is missing (empty or a
/// placeholder) cannot be learned from or scored against: they are left out and counted, and the
/// caller reports the count as a warning rather than failing, since exports often hold a few open leads.
/// </summary>
/// <param name="Column">The label column's name.</param>
/// <param name="Positive">The value meaning "converted", as written in the file.</param>
/// <param name="Rows">The table rows with a label, ascending.</param>
/// <param name="Labels">For each of <paramref name="Rows"/>, whether it is positive.</param>
/// <param name="MissingCount">Rows left out because their label is missing.</param>
public sealed record TableLabel(string Column, string Positive, IReadOnlyList<int> Rows, IReadOnlyList<bool> Labels, int MissingCount)
{
    /// <summary>Label values taken to mean "converted" when the user names none (compared case-insensitively).</summary>
    public static IReadOnlyList<string> PositiveWords { get; } =
        ["yes", "y", "true", "t", "1", "converted", "won", "win", "success", "positive", "subscribed", "closed won"];

    /// <summary>Number of positive rows.</summary>
    public int Positives => Labels.Count(label => label);

    /// <summary>Resolves <paramref name="column"/> of <paramref name="table"/>, inferring the positive value when <paramref name="positive"/> is null.</summary>
    /// <exception cref="TableDataException">
    /// No such column (the message lists the columns), no labelled row, one class only, or no positive value can be inferred
    /// (the message lists the label's values).
    /// </exception>
    public static TableLabel Resolve(DelimitedTable table, string column, string? positive, ColumnRoleOptions? roles = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(column);
        roles ??= new ColumnRoleOptions();
        if (!table.Contains(column))
        {
            throw new TableDataException(table.Source, null, $"no label column \"{column}\"; columns are {string.Join(", ", table.Names)}.");
        }

        var cells = table.Column(column);
        var rows = Enumerable.Range(0, cells.Count).Where(r => !roles.IsMissing(cells[r])).ToArray();
        if (rows.Length == 0)
        {
            throw new TableDataException(table.Source, column, "the label is missing (empty or a placeholder) in every row.");
        }

        var counts = rows.GroupBy(r => cells[r].Trim(), StringComparer.OrdinalIgnoreCase)
            .Select(g => (Value: g.Key, Count: g.Count()))
            .OrderByDescending(v => v.Count)
            .ToList();
        var listing = string.Join(", ", counts.Take(10).Select(v => string.Create(CultureInfo.InvariantCulture, $"\"{v.Value}\" ({v.Count})")))
            + (counts.Count > 10 ? string.Create(CultureInfo.InvariantCulture, $" and {counts.Count - 10} more") : string.Empty);
        if (counts.Count == 1)
        {
            throw new TableDataException(table.Source, column, $"the label has a single class, {listing}; both converted and unconverted rows are needed.");
        }

        positive = positive?.Trim() ?? InferPositive(counts.Select(v => v.Value).ToList())
            ?? throw new TableDataException(table.Source, column,
                $"cannot tell which label value means converted among {listing}; name it with --positive.");
        var chosen = positive;
        if (!counts.Any(v => string.Equals(v.Value, chosen, StringComparison.OrdinalIgnoreCase)))
        {
            throw new TableDataException(table.Source, column, $"no row has the positive value \"{chosen}\"; the label's values are {listing}.");
        }

        var labels = rows.Select(r => string.Equals(cells[r].Trim(), chosen, StringComparison.OrdinalIgnoreCase)).ToArray();
        return new TableLabel(column, chosen, rows, labels, cells.Count - rows.Length);
    }

    /// <summary>With exactly two values, the one that is a known positive word when the other is not.</summary>
    private static string? InferPositive(List<string> values)
    {
        if (values.Count != 2)
        {
            return null;
        }

        var positive = values.Where(v => PositiveWords.Contains(v, StringComparer.OrdinalIgnoreCase)).ToList();
        return positive.Count == 1 ? positive[0] : null;
    }
}
