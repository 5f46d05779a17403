using System.Text;
using System.Text.Json;
using Leadwise.Core.Outreach;
using Leadwise.Data.Export;
using SQLitePCL;

namespace Leadwise.Data.Sqlite;

/// <summary>
/// Binds one row's values straight to a prepared SQLite statement through SQLitePCLRaw (the layer
/// under Microsoft.Data.Sqlite). A million-lead import binds some 34 million values; going through
/// <c>SqliteParameter</c> costs more than SQLite's own work, this costs a fraction of it.
/// </summary>
internal sealed class SqliteRawFieldSink(sqlite3_stmt statement) : IFieldSink
{
    private byte[] _buffer = new byte[1024];
    private int _index;

    /// <summary>
    /// Starts a row: every parameter goes back to NULL in one call, so a null value is just skipped
    /// (a lead has a dozen empty columns; each bind is a native call). Parameters are 1-based.
    /// </summary>
    public void Reset()
    {
        Check(raw.sqlite3_clear_bindings(statement));
        _index = 1;
    }

    public void Int64(long? value)
    {
        if (value is { } v)
        {
            Check(raw.sqlite3_bind_int64(statement, _index++, v));
        }
        else
        {
            Null();
        }
    }

    public void Int32(int? value) => Int64(value);

    public void Decimal(decimal? value) => Text(value is { } v ? ExportValues.FormatDecimal(v) : null);

    public void Double(double? value)
    {
        if (value is { } v)
        {
            Check(raw.sqlite3_bind_double(statement, _index++, v));
        }
        else
        {
            Null();
        }
    }

    public void Boolean(bool? value) => Int64(value is { } v ? (v ? 1 : 0) : null);

    public void Timestamp(DateTimeOffset? value) => Int64(value is { } v ? StoreTimestamps.ToMicroseconds(v) : null);

    public void Text(string? value)
    {
        if (value is null)
        {
            Null();
            return;
        }

        var needed = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (needed > _buffer.Length)
        {
            _buffer = new byte[Math.Max(needed, _buffer.Length * 2)];
        }

        var written = Encoding.UTF8.GetBytes(value, _buffer);
        Check(raw.sqlite3_bind_text(statement, _index++, _buffer.AsSpan(0, written)));
    }

    public void Blob(byte[]? value)
    {
        if (value is null)
        {
            Null();
            return;
        }

        Check(raw.sqlite3_bind_blob(statement, _index++, value));
    }

    public void Extra(ExtraFields extra) => Text(extra.IsEmpty ? null : JsonSerializer.Serialize(extra.Values));

    private void Null() => _index++;

    private static void Check(int result)
    {
        if (result != raw.SQLITE_OK)
        {
            throw new InvalidOperationException($"SQLite refused a value (error {result}).");
        }
    }
}
