using System.Text.Json;
using Leadwise.Core.Outreach;
using Leadwise.Data.Export;
using Microsoft.Data.Sqlite;

namespace Leadwise.Data.Sqlite;

/// <summary>Binds one row's values, in column order, to a prepared statement's parameters.</summary>
internal sealed class SqliteFieldSink(SqliteParameterCollection parameters) : IFieldSink
{
    private int _ordinal;

    public void Reset() => _ordinal = 0;

    public void Int64(long? value) => Set(value);

    public void Int32(int? value) => Set(value);

    public void Decimal(decimal? value) => Set(value is { } v ? ExportValues.FormatDecimal(v) : null);

    public void Double(double? value) => Set(value);

    public void Boolean(bool? value) => Set(value is { } v ? (v ? 1L : 0L) : null);

    public void Timestamp(DateTimeOffset? value) => Set(value is { } v ? ExportValues.FormatStoreTimestamp(v) : null);

    public void Text(string? value) => Set(value);

    public void Extra(ExtraFields extra) => Set(extra.IsEmpty ? null : JsonSerializer.Serialize(extra.Values));

    private void Set(object? value) => parameters[_ordinal++].Value = value ?? DBNull.Value;
}
