using Leadwise.Data.Export;

namespace Leadwise.Data.Sqlite;

/// <summary>SQL built once per table from its column list, so statements always match the table definitions.</summary>
internal static class SqliteStatements
{
    public static string ColumnList<TRow>(ExportTable<TRow> table)
        where TRow : class =>
        string.Join(", ", table.Columns.Select(c => Quote(c.SqlName)).Append("extra"));

    public static string Select<TRow>(ExportTable<TRow> table, string? where = null, string? orderBy = null)
        where TRow : class =>
        $"SELECT {ColumnList(table)} FROM {table.SqlTable}"
        + (where is null ? string.Empty : $" WHERE {where}")
        + (orderBy is null ? string.Empty : $" ORDER BY {orderBy}");

    /// <summary>An upsert keyed by the table's primary key: re-importing a row replaces its values.</summary>
    public static string Upsert<TRow>(ExportTable<TRow> table, IReadOnlyList<string> keyColumns)
        where TRow : class
    {
        var names = table.Columns.Select(c => c.SqlName).Append("extra").ToList();
        var parameters = string.Join(", ", names.Select((_, i) => $"$p{i}"));
        var updates = string.Join(", ", names.Where(n => !keyColumns.Contains(n)).Select(n => $"{Quote(n)} = excluded.{Quote(n)}"));
        return $"INSERT INTO {table.SqlTable} ({ColumnList(table)}) VALUES ({parameters}) "
            + $"ON CONFLICT ({string.Join(", ", keyColumns.Select(Quote))}) DO UPDATE SET {updates}";
    }

    public static int ParameterCount<TRow>(ExportTable<TRow> table)
        where TRow : class => table.Columns.Count + 1;

    private static string Quote(string name) => $"\"{name}\"";
}
