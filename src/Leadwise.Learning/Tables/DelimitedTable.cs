namespace Leadwise.Learning.Tables;

/// <summary>
/// A user's table read whole into memory as a column store: one array of raw cell text per column,
/// in header order. Cells are untyped; <c>ColumnRoleInference</c> decides what they mean.
/// </summary>
public sealed class DelimitedTable
{
    private readonly string[][] _columns;
    private readonly Dictionary<string, int> _indexByName;

    /// <param name="source">Where the table came from (a file name), used in messages.</param>
    /// <param name="delimiter">The field delimiter that was detected.</param>
    /// <param name="names">Header names, unique (ordinal).</param>
    /// <param name="columns">One array per column, all of the same length.</param>
    public DelimitedTable(string source, char delimiter, IReadOnlyList<string> names, IReadOnlyList<string[]> columns)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(columns);
        if (names.Count != columns.Count)
        {
            throw new ArgumentException($"{names.Count} names but {columns.Count} columns.", nameof(columns));
        }

        var rowCount = columns.Count == 0 ? 0 : columns[0].Length;
        _indexByName = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            if (columns[i].Length != rowCount)
            {
                throw new ArgumentException($"Column \"{names[i]}\" has {columns[i].Length} cells, expected {rowCount}.", nameof(columns));
            }

            if (!_indexByName.TryAdd(names[i], i))
            {
                throw new ArgumentException($"Duplicate column name \"{names[i]}\".", nameof(names));
            }
        }

        Source = source;
        Delimiter = delimiter;
        Names = [.. names];
        _columns = [.. columns];
        RowCount = rowCount;
    }

    /// <summary>Where the table came from, for messages.</summary>
    public string Source { get; }

    /// <summary>The field delimiter the file used.</summary>
    public char Delimiter { get; }

    /// <summary>Header names in file order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Number of data rows (the header excluded).</summary>
    public int RowCount { get; }

    /// <summary>Number of columns.</summary>
    public int ColumnCount => _columns.Length;

    /// <summary>The raw cells of the column at <paramref name="index"/>.</summary>
    public IReadOnlyList<string> Column(int index) => _columns[index];

    /// <summary>The raw cells of the column named <paramref name="name"/> (ordinal match).</summary>
    /// <exception cref="KeyNotFoundException">No such column.</exception>
    public IReadOnlyList<string> Column(string name) => _columns[IndexOf(name)];

    /// <summary>The index of the column named <paramref name="name"/> (ordinal match).</summary>
    /// <exception cref="KeyNotFoundException">No such column; the message lists the columns there are.</exception>
    public int IndexOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _indexByName.TryGetValue(name, out var index)
            ? index
            : throw new KeyNotFoundException($"{Source}: no column \"{name}\"; columns are {string.Join(", ", Names)}.");
    }

    /// <summary>Whether a column named <paramref name="name"/> exists (ordinal match).</summary>
    public bool Contains(string name) => _indexByName.ContainsKey(name);
}
