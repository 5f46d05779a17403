namespace Leadwise.Cli.Tests;

/// <summary>
/// Locates the UCI bank-marketing table beside the repository, as Leadwise.Learning.Tests does: walks up from
/// the test binaries until a directory holding <c>shared/data/bank-marketing</c> is found.
/// </summary>
internal static class BankMarketingFile
{
    public static string Path
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = System.IO.Path.Combine(dir.FullName, "shared", "data", "bank-marketing", "bank-additional-full.csv");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            throw new FileNotFoundException(
                $"shared/data/bank-marketing/bank-additional-full.csv not found in any parent of {AppContext.BaseDirectory}; "
                + "the repository's parent directory must hold shared/data/bank-marketing (see its README.md).");
        }
    }
}
