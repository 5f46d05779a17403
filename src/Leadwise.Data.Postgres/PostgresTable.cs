using Leadwise.Data.Export;
using NpgsqlTypes;

namespace Leadwise.Data.Postgres;

/// <summary>
/// How rows of one kind are written: the store table, its columns with their PostgreSQL types (in the
/// order <see cref="Write"/> supplies values), the conflict key, and the SQL built once from that:
/// the row-by-row upsert, the staging table a bulk load copies into, and the merge from staging.
/// </summary>
internal sealed class PostgresTable<TRow>
    where TRow : class
{
    public PostgresTable(string name, IReadOnlyList<(string Name, NpgsqlDbType Type)> columns, IReadOnlyList<string> keyColumns, bool keepStoredRow, Action<TRow, PostgresFieldSink> write)
    {
        Name = name;
        Columns = columns;
        KeyColumns = keyColumns;
        Write = write;
        StagingTable = $"staging_{name}";
        var names = string.Join(", ", columns.Select(c => Quote(c.Name)));
        var conflict = keepStoredRow
            ? " ON CONFLICT DO NOTHING"
            : $" ON CONFLICT ({string.Join(", ", keyColumns.Select(Quote))}) DO UPDATE SET "
              + string.Join(", ", columns.Where(c => !keyColumns.Contains(c.Name)).Select(c => $"{Quote(c.Name)} = excluded.{Quote(c.Name)}"));
        InsertSql = $"INSERT INTO {name} ({names}) VALUES ({string.Join(", ", columns.Select((_, i) => $"${i + 1}"))}){conflict}";
        // A key the store numbers itself (an event's id) is not copied: LIKE would carry its NOT NULL into staging.
        var numberedByTheStore = keyColumns.Where(k => !columns.Any(c => c.Name == k))
            .Select(k => $"; ALTER TABLE {StagingTable} ALTER COLUMN {Quote(k)} DROP NOT NULL");
        CreateStagingSql = $"CREATE TEMPORARY TABLE {StagingTable} (LIKE {name}, staging_row bigint GENERATED ALWAYS AS IDENTITY) ON COMMIT DROP"
            + string.Concat(numberedByTheStore);
        CopySql = $"COPY {StagingTable} ({names}) FROM STDIN (FORMAT BINARY)";

        // A batch may hold the same key twice (a file that lists a lead twice): the last row wins, as
        // it does when rows are upserted one by one. ON CONFLICT cannot touch a row twice in one statement.
        var keys = string.Join(", ", keyColumns.Select(Quote));
        MergeSql = keepStoredRow
            ? $"INSERT INTO {name} ({names}) SELECT {names} FROM {StagingTable} ORDER BY staging_row{conflict}; TRUNCATE {StagingTable}"
            : $"INSERT INTO {name} ({names}) SELECT DISTINCT ON ({keys}) {names} FROM {StagingTable} ORDER BY {keys}, staging_row DESC{conflict}; TRUNCATE {StagingTable}";
    }

    public string Name { get; }

    public IReadOnlyList<(string Name, NpgsqlDbType Type)> Columns { get; }

    public IReadOnlyList<string> KeyColumns { get; }

    public Action<TRow, PostgresFieldSink> Write { get; }

    public string StagingTable { get; }

    /// <summary>One row with positional parameters <c>$1…$n</c>: an upsert, or an insert that keeps a stored row.</summary>
    public string InsertSql { get; }

    public string CreateStagingSql { get; }

    public string CopySql { get; }

    public string MergeSql { get; }

    /// <summary>
    /// An export table's columns (plus its JSON column of unknown columns) and then any values the
    /// store derives from a row (a company's name key, an event's derived key).
    /// </summary>
    public static PostgresTable<TRow> From(
        ExportTable<TRow> table,
        IReadOnlyList<string> keyColumns,
        IReadOnlyList<(string Name, NpgsqlDbType Type)>? derivedColumns = null,
        Action<TRow, PostgresFieldSink>? derive = null,
        bool keepStoredRow = false)
    {
        var columns = table.Columns.Select(c => (c.SqlName, TypeOf(c.Kind))).ToList();
        if (table.ExtraSqlColumn is { } extra)
        {
            columns.Add((extra, NpgsqlDbType.Jsonb));
        }

        columns.AddRange(derivedColumns ?? []);
        return new PostgresTable<TRow>(table.SqlTable, columns, keyColumns, keepStoredRow, (row, sink) =>
        {
            table.Write(row, sink);
            derive?.Invoke(row, sink);
        });
    }

    /// <summary>The SELECT list of an export table, in the order its <c>Read</c> takes values.</summary>
    public static string SelectList(ExportTable<TRow> table)
    {
        var names = table.Columns.Select(c => c.SqlName);
        if (table.ExtraSqlColumn is { } extra)
        {
            names = names.Append(extra);
        }

        return string.Join(", ", names.Select(Quote));
    }

    public static NpgsqlDbType TypeOf(FieldKind kind) => kind switch
    {
        FieldKind.Int64 => NpgsqlDbType.Bigint,
        FieldKind.Int32 => NpgsqlDbType.Integer,
        FieldKind.Decimal => NpgsqlDbType.Numeric,
        FieldKind.Double => NpgsqlDbType.Double,
        FieldKind.Boolean => NpgsqlDbType.Boolean,
        FieldKind.Timestamp => NpgsqlDbType.TimestampTz,
        FieldKind.Text => NpgsqlDbType.Text,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static string Quote(string name) => $"\"{name}\"";
}
