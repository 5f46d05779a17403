using System.Globalization;
using System.Text.Json;
using Leadwise.Core.Outreach;
using Leadwise.Data.Export;
using Microsoft.Data.Sqlite;

namespace Leadwise.Data.Sqlite;

/// <summary>Reads one stored row's columns in table-column order (the SELECT lists them in that order).</summary>
internal sealed class SqliteFieldSource(SqliteDataReader reader) : IFieldSource
{
    private int _ordinal;

    public void Reset() => _ordinal = 0;

    public long? Int64() => IsNull(out var i) ? null : reader.GetInt64(i);

    public int? Int32() => IsNull(out var i) ? null : reader.GetInt32(i);

    public decimal? Decimal() => IsNull(out var i) ? null : decimal.Parse(reader.GetString(i), NumberStyles.Number, CultureInfo.InvariantCulture);

    public double? Double() => IsNull(out var i) ? null : reader.GetDouble(i);

    public bool? Boolean() => IsNull(out var i) ? null : reader.GetInt64(i) != 0;

    public DateTimeOffset? Timestamp() => IsNull(out var i) ? null : StoreTimestamps.FromMicroseconds(reader.GetInt64(i));

    public string? Text() => IsNull(out var i) ? null : reader.GetString(i);

    public ExtraFields Extra()
    {
        if (IsNull(out var i))
        {
            return ExtraFields.None;
        }

        var values = JsonSerializer.Deserialize<Dictionary<string, string?>>(reader.GetString(i)) ?? [];
        return ExtraFields.From(values);
    }

    private bool IsNull(out int ordinal)
    {
        ordinal = _ordinal++;
        return reader.IsDBNull(ordinal);
    }
}
