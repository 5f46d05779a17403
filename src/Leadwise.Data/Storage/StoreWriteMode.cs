namespace Leadwise.Data.Storage;

/// <summary>What kind of write a transaction is, so the store can pick the fastest correct strategy.</summary>
public enum StoreWriteMode
{
    /// <summary>A few rows (an event, a score): indexes are kept up to date row by row.</summary>
    Incremental,

    /// <summary>An import of many rows: secondary indexes may be rebuilt once at commit instead.</summary>
    BulkLoad,
}
