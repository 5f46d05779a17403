namespace Leadwise.Data.Import;

/// <summary>A row read from an export file: the record (null when it could not be built), its first physical line, and its errors.</summary>
internal readonly record struct ParsedRow<TRow>(TRow? Row, int Line, IReadOnlyList<ImportIssue> Errors, string? RawRecord)
    where TRow : class
{
    public bool IsValid => Errors.Count == 0 && Row is not null;
}
