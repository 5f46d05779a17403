using Leadwise.Data.Sqlite;
using Leadwise.Data.Storage;

namespace Leadwise.Cli;

/// <summary>Opens the store named by <c>--db</c>, <c>LEADWISE_DB</c> or the default file.</summary>
internal static class StoreOpener
{
    /// <summary>Opens the store, creating the SQLite file when it does not exist (commands that write).</summary>
    public static Task<ILeadwiseStore> OpenAsync(string? option, CliContext context, CancellationToken cancellationToken) =>
        OpenAsync(option, context, mustExist: false, cancellationToken);

    /// <summary>Opens a store that must already exist (commands that only read), rather than creating an empty one.</summary>
    public static Task<ILeadwiseStore> OpenExistingAsync(string? option, CliContext context, CancellationToken cancellationToken) =>
        OpenAsync(option, context, mustExist: true, cancellationToken);

    private static async Task<ILeadwiseStore> OpenAsync(string? option, CliContext context, bool mustExist, CancellationToken cancellationToken)
    {
        var location = StoreLocation.Resolve(option, context.Environment);
        if (StoreLocation.IsPostgres(location))
        {
            throw new UserFacingException("PostgreSQL stores are not supported yet; use a SQLite file path for --db.");
        }

        if (mustExist && !File.Exists(location))
        {
            throw new UserFacingException($"There is no store at {Path.GetFullPath(location)}; run 'leadwise import <folder>' or 'leadwise quickstart' first, or pass --db.");
        }

        return await SqliteLeadwiseStore.OpenAsync(location, cancellationToken).ConfigureAwait(false);
    }
}
