using Leadwise.Data.Storage;

namespace Leadwise.Data.Import;

/// <summary>
/// What happened to one file's rows. <c>Table</c> is the export table the file holds, null for files outside
/// the outreach export (events, companies).
/// </summary>
public sealed record TableImportCounts(StoreTable? Table, string FileName, long RowsRead, long RowsImported, long RowsRejected)
{
    /// <summary>Rows the store already held and left as they were (events imported before); not in <see cref="RowsImported"/>.</summary>
    public long RowsAlreadyPresent { get; init; }
}
