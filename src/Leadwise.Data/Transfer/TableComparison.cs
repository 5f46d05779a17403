namespace Leadwise.Data.Transfer;

/// <summary>A table's row count and checksum on two stores, side by side.</summary>
public sealed record TableComparison(string Table, TableChecksum From, TableChecksum To)
{
    /// <summary>Same number of rows and the same checksum.</summary>
    public bool Matches => From.Rows == To.Rows && string.Equals(From.Sha256, To.Sha256, StringComparison.Ordinal);
}
