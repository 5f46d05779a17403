namespace Leadwise.Data.Transfer;

/// <summary>How many rows <see cref="StoreCopier"/> wrote into one table of the target.</summary>
public sealed record CopiedTable(string Table, long Rows);
