using Leadwise.Core.Outreach;

namespace Leadwise.Data.Export;

/// <summary>Receives one row's values in the table's column order: a CSV line or an SQL statement's parameters.</summary>
internal interface IFieldSink
{
    void Int64(long? value);
    void Int32(int? value);
    void Decimal(decimal? value);
    void Double(double? value);
    void Boolean(bool? value);
    void Timestamp(DateTimeOffset? value);
    void Text(string? value);
    void Extra(ExtraFields extra);
}
