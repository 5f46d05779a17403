using System.Text.Json;
using Leadwise.Core.Outreach;
using Leadwise.Data.Export;
using Leadwise.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace Leadwise.Data.Postgres;

/// <summary>
/// Takes one row's values in column order and hands them either to a prepared command's positional
/// parameters (incremental writes) or to a binary COPY (bulk loads), so one table definition serves both.
/// Timestamps are cut to whole microseconds first, exactly as the SQLite store keeps them.
/// </summary>
internal sealed class PostgresFieldSink : IFieldSink
{
    private NpgsqlParameterCollection? _parameters;
    private NpgsqlBinaryImporter? _copy;
    private int _index;

    /// <summary>Starts a row bound to <paramref name="parameters"/> (in column order).</summary>
    public PostgresFieldSink ToParameters(NpgsqlParameterCollection parameters)
    {
        _parameters = parameters;
        _copy = null;
        _index = 0;
        return this;
    }

    /// <summary>Starts a row of a binary COPY (the caller has called <c>StartRow</c>).</summary>
    public PostgresFieldSink ToCopy(NpgsqlBinaryImporter copy)
    {
        _copy = copy;
        _parameters = null;
        _index = 0;
        return this;
    }

    public void Int64(long? value) => Put(value, NpgsqlDbType.Bigint);

    public void Int32(int? value) => Put(value, NpgsqlDbType.Integer);

    public void Decimal(decimal? value) => Put(value, NpgsqlDbType.Numeric);

    public void Double(double? value) => Put(value, NpgsqlDbType.Double);

    public void Boolean(bool? value) => Put(value, NpgsqlDbType.Boolean);

    public void Timestamp(DateTimeOffset? value) =>
        Put(value is { } v ? StoreTimestamps.FromMicroseconds(StoreTimestamps.ToMicroseconds(v)).UtcDateTime : (DateTime?)null, NpgsqlDbType.TimestampTz);

    public void Text(string? value) => PutReference(value, NpgsqlDbType.Text);

    public void Blob(byte[]? value) => PutReference(value, NpgsqlDbType.Bytea);

    /// <summary>A JSON document as text (jsonb or json column).</summary>
    public void Json(string? value, NpgsqlDbType type) => PutReference(value, type);

    public void Extra(ExtraFields extra) => Json(extra.IsEmpty ? null : JsonSerializer.Serialize(extra.Values), NpgsqlDbType.Jsonb);

    private void Put<T>(T? value, NpgsqlDbType type)
        where T : struct
    {
        if (_copy is not null)
        {
            if (value is { } v)
            {
                _copy.Write(v, type);
            }
            else
            {
                _copy.WriteNull();
            }
        }
        else
        {
            _parameters![_index++].Value = value is { } v ? v : DBNull.Value;
        }
    }

    private void PutReference<T>(T? value, NpgsqlDbType type)
        where T : class
    {
        if (_copy is not null)
        {
            if (value is not null)
            {
                _copy.Write(value, type);
            }
            else
            {
                _copy.WriteNull();
            }
        }
        else
        {
            _parameters![_index++].Value = (object?)value ?? DBNull.Value;
        }
    }
}
