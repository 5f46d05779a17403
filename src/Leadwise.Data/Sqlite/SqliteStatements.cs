using Leadwise.Data.Export;

namespace Leadwise.Data.Sqlite;

/// <summary>SQL built once per table from its column list, so statements always match the table definitions.</summary>
internal static class SqliteStatements
{
    public static string ColumnList<TRow>(ExportTable<TRow> table)
        where TRow : class =>
        string.Join(", ", SqlNames(table).Select(Quote));

    public static string Select<TRow>(ExportTable<TRow> table, string? where = null, string? orderBy = null)
        where TRow : class =>
        $"SELECT {ColumnList(table)} FROM {table.SqlTable}"
        + (where is null ? string.Empty : $" WHERE {where}")
        + (orderBy is null ? string.Empty : $" ORDER BY {orderBy}");

    /// <summary>
    /// An upsert keyed by the table's primary key: re-importing a row replaces its values.
    /// <paramref name="derivedColumns"/> follow the table's own columns (values the store computes, such as a key).
    /// </summary>
    public static string Upsert<TRow>(ExportTable<TRow> table, IReadOnlyList<string> keyColumns, IReadOnlyList<string>? derivedColumns = null)
        where TRow : class
    {
        var names = SqlNames(table).Concat(derivedColumns ?? []).ToList();
        var updates = string.Join(", ", names.Where(n => !keyColumns.Contains(n)).Select(n => $"{Quote(n)} = excluded.{Quote(n)}"));
        return Insert(table.SqlTable, names)
            + $" ON CONFLICT ({string.Join(", ", keyColumns.Select(Quote))}) DO UPDATE SET {updates}";
    }

    /// <summary>An insert that leaves the stored row alone when the new one collides with it on any unique column.</summary>
    public static string InsertIfNew<TRow>(ExportTable<TRow> table, IReadOnlyList<string> derivedColumns)
        where TRow : class =>
        Insert(table.SqlTable, [.. SqlNames(table), .. derivedColumns]) + " ON CONFLICT DO NOTHING";

    private static string Insert(string sqlTable, IReadOnlyList<string> names) =>
        $"INSERT INTO {sqlTable} ({string.Join(", ", names.Select(Quote))}) VALUES ({string.Join(", ", names.Select((_, i) => $"$p{i}"))})";

    private static IEnumerable<string> SqlNames<TRow>(ExportTable<TRow> table)
        where TRow : class
    {
        var names = table.Columns.Select(c => c.SqlName);
        return table.ExtraSqlColumn is { } extra ? names.Append(extra) : names;
    }

    private static string Quote(string name) => $"\"{name}\"";
}
