namespace Leadwise.Data.Import;

/// <summary>How an import treats bad rows.</summary>
public sealed record ImportOptions
{
    /// <summary>How many errors are listed (and written to the rejects file) before the rest are only counted.</summary>
    public int MaxErrors { get; init; } = 100;

    /// <summary>
    /// False (the default): all-or-nothing, nothing is written when any row is bad. True: good rows are
    /// imported and bad ones reported.
    /// </summary>
    public bool SkipBadRows { get; init; }

    /// <summary>Where to write the listed errors as CSV (file, line, column, column name, reason, raw record); null for none.</summary>
    public string? RejectsPath { get; init; }
}
