using Leadwise.Data.Storage;

namespace Leadwise.Data.Import;

/// <summary>What happened to one file's rows.</summary>
public sealed record TableImportCounts(StoreTable Table, string FileName, long RowsRead, long RowsImported, long RowsRejected);
