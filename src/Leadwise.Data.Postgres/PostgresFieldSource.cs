using System.Text.Json;
using Leadwise.Core.Outreach;
using Leadwise.Data.Export;
using Npgsql;

namespace Leadwise.Data.Postgres;

/// <summary>Reads one stored row's columns in table-column order (the SELECT lists them in that order).</summary>
internal sealed class PostgresFieldSource(NpgsqlDataReader reader) : IFieldSource
{
    private int _ordinal;

    public void Reset() => _ordinal = 0;

    public long? Int64() => IsNull(out var i) ? null : reader.GetInt64(i);

    public int? Int32() => IsNull(out var i) ? null : reader.GetInt32(i);

    public decimal? Decimal() => IsNull(out var i) ? null : reader.GetDecimal(i);

    public double? Double() => IsNull(out var i) ? null : reader.GetDouble(i);

    public bool? Boolean() => IsNull(out var i) ? null : reader.GetBoolean(i);

    public DateTimeOffset? Timestamp() => IsNull(out var i) ? null : ReadTimestamp(reader, i);

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

    /// <summary>A timestamptz as a UTC <see cref="DateTimeOffset"/>.</summary>
    public static DateTimeOffset ReadTimestamp(NpgsqlDataReader reader, int ordinal) =>
        new(DateTime.SpecifyKind(reader.GetDateTime(ordinal), DateTimeKind.Utc), TimeSpan.Zero);

    private bool IsNull(out int ordinal)
    {
        ordinal = _ordinal++;
        return reader.IsDBNull(ordinal);
    }
}
