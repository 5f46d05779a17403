using System.Text.Json;
using System.Text.Json.Serialization;
using Leadwise.Data.Import;

namespace Leadwise.Server.Jobs;

/// <summary>What a finished import job keeps as its result (<c>jobs.result</c>): rows per file as <c>leadwise import</c> prints them, and whether the store changed.</summary>
internal sealed record ImportJobResult(
    [property: JsonPropertyName("committed")] bool Committed,
    [property: JsonPropertyName("errorCount")] long ErrorCount,
    [property: JsonPropertyName("errorsTruncated")] bool ErrorsTruncated,
    [property: JsonPropertyName("tables")] IReadOnlyList<ImportJobTable> Tables,
    [property: JsonPropertyName("warnings")] IReadOnlyList<string> Warnings)
{
    public static ImportJobResult From(ImportReport report) => new(
        report.Committed,
        report.ErrorCount,
        report.ErrorsTruncated,
        [.. report.Tables.Select(t => new ImportJobTable(t.FileName, t.RowsRead, t.RowsImported, t.RowsRejected))],
        [.. report.Warnings.Select(w => w.ToString())]);

    public string ToJson() => JsonSerializer.Serialize(this);
}

/// <summary>One file's row counts in <see cref="ImportJobResult"/>.</summary>
internal sealed record ImportJobTable(
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("rowsRead")] long RowsRead,
    [property: JsonPropertyName("rowsImported")] long RowsImported,
    [property: JsonPropertyName("rowsRejected")] long RowsRejected);
