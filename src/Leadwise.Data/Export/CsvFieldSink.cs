using CsvHelper;
using Leadwise.Core.Outreach;

namespace Leadwise.Data.Export;

/// <summary>Writes one row's fields in the export's encodings; null becomes an empty field.</summary>
internal sealed class CsvFieldSink(CsvWriter csv, IReadOnlyList<string> extraColumns) : IFieldSink
{
    public void Int64(long? value) => csv.WriteField(value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty, shouldQuote: false);

    public void Int32(int? value) => csv.WriteField(value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty, shouldQuote: false);

    public void Decimal(decimal? value) => csv.WriteField(value is { } v ? ExportValues.FormatDecimal(v) : string.Empty, shouldQuote: false);

    public void Double(double? value) => csv.WriteField(value is { } v ? ExportValues.FormatDouble(v) : string.Empty, shouldQuote: false);

    public void Boolean(bool? value) => csv.WriteField(value is { } v ? ExportValues.FormatBoolean(v) : string.Empty, shouldQuote: false);

    public void Timestamp(DateTimeOffset? value) => csv.WriteField(value is { } v ? ExportValues.FormatTimestamp(v) : string.Empty, shouldQuote: false);

    public void Text(string? value) => csv.WriteField(value ?? string.Empty);

    public void Extra(ExtraFields extra)
    {
        foreach (var column in extraColumns)
        {
            csv.WriteField(extra[column] ?? string.Empty);
        }
    }
}
