using System.Globalization;
using CsvHelper;
using Leadwise.Data.Export;

namespace Leadwise.Data.Import;

/// <summary>The running tally of one import: issues listed so far and whether writing may go on.</summary>
internal sealed class ImportRun(ImportOptions options)
{
    private readonly List<ImportIssue> _errors = [];
    private readonly List<ImportIssue> _warnings = [];
    private readonly List<(ImportIssue Issue, string? Raw)> _rejects = [];
    private bool _fileError;

    public List<TableImportCounts> Tables { get; } = [];

    public IReadOnlyList<ImportIssue> Errors => _errors;

    public IReadOnlyList<ImportIssue> Warnings => _warnings;

    public IReadOnlyList<(ImportIssue Issue, string? Raw)> Rejects => _rejects;

    public long ErrorCount { get; private set; }

    /// <summary>All-or-nothing stops writing at the first error but keeps reading to list more.</summary>
    public bool ShouldWrite => !_fileError && (options.SkipBadRows || ErrorCount == 0);

    /// <summary>
    /// Whole-file problems (missing file, bad header, not UTF-8) always block the commit: skipping a
    /// row is a choice, silently skipping a file is not.
    /// </summary>
    public bool CanCommit => ShouldWrite;

    public void AddRowErrors(IReadOnlyList<ImportIssue> errors, string? raw)
    {
        foreach (var error in errors)
        {
            Add(error, raw);
        }
    }

    /// <summary>False, with a file error recorded, when the file to import does not exist.</summary>
    public bool RequireFile(string path)
    {
        if (File.Exists(path))
        {
            return true;
        }

        AddFileIssue(new ImportIssue(ImportSeverity.Error, path, null, null, null, "no such file"));
        return false;
    }

    public void AddFileIssue(ImportIssue issue)
    {
        if (issue.Severity == ImportSeverity.Warning)
        {
            _warnings.Add(issue);
            return;
        }

        _fileError = true;
        Add(issue, null);
    }

    /// <summary>The report of the run; writes the rejects file first when there is one to write.</summary>
    public async Task<ImportReport> FinishAsync(bool committed, TimeSpan elapsed, CancellationToken cancellationToken)
    {
        if (options.RejectsPath is { } rejectsPath && Errors.Count > 0)
        {
            await WriteRejectsAsync(rejectsPath, Rejects, cancellationToken).ConfigureAwait(false);
        }

        return new ImportReport(Tables, Warnings, Errors, ErrorCount, committed, elapsed);
    }

    private static async Task WriteRejectsAsync(string path, IReadOnlyList<(ImportIssue Issue, string? Raw)> rejects, CancellationToken cancellationToken)
    {
        await using var stream = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false));
        await using var csv = new CsvWriter(stream, OutreachExportWriter.CsvConfiguration);
        foreach (var header in new[] { "file", "line", "column", "columnName", "reason", "rawRecord" })
        {
            csv.WriteField(header);
        }

        await csv.NextRecordAsync().ConfigureAwait(false);
        foreach (var (issue, raw) in rejects)
        {
            csv.WriteField(issue.File);
            csv.WriteField(issue.Line?.ToString(CultureInfo.InvariantCulture) ?? string.Empty);
            csv.WriteField(issue.Column?.ToString(CultureInfo.InvariantCulture) ?? string.Empty);
            csv.WriteField(issue.ColumnName ?? string.Empty);
            csv.WriteField(issue.Message);
            csv.WriteField(raw?.TrimEnd('\r', '\n') ?? string.Empty);
            await csv.NextRecordAsync().ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    private void Add(ImportIssue error, string? raw)
    {
        ErrorCount++;
        if (_errors.Count < options.MaxErrors)
        {
            _errors.Add(error);
            _rejects.Add((error, raw));
        }
    }
}
