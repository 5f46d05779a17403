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
