using Leadwise.Core.Outreach;

namespace Leadwise.Data.Export;

/// <summary>
/// Reads one row's values in the table's column order. The CSV source parses text and records
/// line-precise errors; the store's source reads typed columns. A table's <c>Read</c> calls these
/// once per column, in <see cref="ExportTable{TRow}.Columns"/> order.
/// </summary>
internal interface IFieldSource
{
    long? Int64();
    int? Int32();
    decimal? Decimal();
    double? Double();
    bool? Boolean();
    DateTimeOffset? Timestamp();
    string? Text();
    ExtraFields Extra();
}
