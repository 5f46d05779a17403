namespace Leadwise.Data.Transfer;

/// <summary>One table of a store, summarised: its rows and a SHA-256 over their canonical text in key order.</summary>
/// <param name="Table">The store table's name (<see cref="Storage.StoreTableNames"/>).</param>
/// <param name="Rows">Rows read.</param>
/// <param name="Sha256">Lower-case hex; equal on two stores exactly when they hold the same rows, whatever the backend.</param>
public sealed record TableChecksum(string Table, long Rows, string Sha256);
