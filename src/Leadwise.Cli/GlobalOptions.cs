using System.CommandLine;
using Leadwise.Data.Storage;

namespace Leadwise.Cli;

/// <summary>Options every command accepts; created once per command tree so parse results can be read by instance.</summary>
internal sealed class GlobalOptions
{
    public Option<bool> Verbose { get; } = new("--verbose", "-v")
    {
        Description = "Show stack traces and extra detail when something fails",
        Recursive = true,
    };

    public Option<string?> Database { get; } = new("--db")
    {
        Description = $"The store: a SQLite file or a PostgreSQL connection string (Host=…;Database=… or postgresql://…) (default: ${StoreLocation.EnvironmentVariable}, else {StoreLocation.DefaultFile} in the working directory)",
        Recursive = true,
    };
}
