namespace Leadwise.Data.Import;

/// <summary>The outcome of one import: counts per table, the issues listed, and whether the store changed.</summary>
public sealed record ImportReport(
    IReadOnlyList<TableImportCounts> Tables,
    IReadOnlyList<ImportIssue> Warnings,
    IReadOnlyList<ImportIssue> Errors,
    long ErrorCount,
    bool Committed,
    TimeSpan Elapsed)
{
    /// <summary>True when errors were found beyond those listed in <see cref="Errors"/>.</summary>
    public bool ErrorsTruncated => ErrorCount > Errors.Count;
}
