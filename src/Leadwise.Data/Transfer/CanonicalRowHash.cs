using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Leadwise.Core.Outreach;
using Leadwise.Data.Export;
using Leadwise.Data.Sqlite;

namespace Leadwise.Data.Transfer;

/// <summary>
/// Hashes rows as canonical text, one table at a time. Every value is written from the Core record (not
/// from the backend's column types), so SQLite's integer microseconds and PostgreSQL's <c>timestamptz</c>,
/// JSON text and <c>jsonb</c>, <c>0/1</c> and <c>boolean</c> give the same bytes. Each field is
/// length-prefixed and null is distinct from empty, so no two different rows share a text.
/// </summary>
internal sealed class CanonicalRowHash(string table) : IFieldSink, IDisposable
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private long _rows;

    public void Int64(long? value) => Value(value?.ToString(CultureInfo.InvariantCulture));

    public void Int32(int? value) => Value(value?.ToString(CultureInfo.InvariantCulture));

    public void Decimal(decimal? value) => Value(value?.ToString(CultureInfo.InvariantCulture));

    public void Double(double? value) => Value(value?.ToString("R", CultureInfo.InvariantCulture));

    public void Boolean(bool? value) => Value(value is null ? null : value.Value ? "t" : "f");

    /// <summary>UTC microseconds since 1970: the precision both stores keep.</summary>
    public void Timestamp(DateTimeOffset? value) => Value(value is { } time ? StoreTimestamps.ToMicroseconds(time).ToString(CultureInfo.InvariantCulture) : null);

    public void Text(string? value) => Value(value);

    /// <summary>Key/value pairs in ordinal key order, however the backend ordered its JSON.</summary>
    public void Extra(ExtraFields extra)
    {
        ArgumentNullException.ThrowIfNull(extra);
        Int32(extra.Values.Count);
        foreach (var (key, value) in extra.Values)
        {
            Value(key);
            Value(value);
        }
    }

    public void Bytes(ReadOnlySpan<byte> value)
    {
        Append(string.Create(CultureInfo.InvariantCulture, $"b{value.Length}:"));
        _hash.AppendData(value);
    }

    public void EndRow()
    {
        Append("\n");
        _rows++;
    }

    public TableChecksum Finish() => new(table, _rows, Convert.ToHexStringLower(_hash.GetHashAndReset()));

    public void Dispose() => _hash.Dispose();

    private void Value(string? value) =>
        Append(value is null ? "~" : string.Create(CultureInfo.InvariantCulture, $"s{value.Length}:{value}"));

    private void Append(string text) => _hash.AppendData(Encoding.UTF8.GetBytes(text));
}
