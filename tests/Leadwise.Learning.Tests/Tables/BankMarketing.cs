namespace Leadwise.Learning.Tests.Tables;

/// <summary>
/// Locates the UCI bank-marketing table beside the repository: walks up from the test binaries
/// until a directory holding <c>shared/data/bank-marketing</c> is found.
/// </summary>
internal static class BankMarketing
{
    public const string FileName = "bank-additional-full.csv";

    public static string Path
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = System.IO.Path.Combine(dir.FullName, "shared", "data", "bank-marketing", FileName);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            throw new FileNotFoundException(
                $"shared/data/bank-marketing/{FileName} not found in any parent of {AppContext.BaseDirectory}; "
                + "the repository's parent directory must hold shared/data/bank-marketing (see its README.md).");
        }
    }

    private static readonly Lazy<Task<Learning.Tables.DelimitedTable>> Table =
        new(() => Learning.Tables.DelimitedTableReader.ReadAsync(Path, CancellationToken.None));

    /// <summary>The table, read once per test run (it is immutable).</summary>
    public static Task<Learning.Tables.DelimitedTable> ReadAsync() => Table.Value;
}
