using Leadwise.Data.Postgres;
using Leadwise.Data.Storage;

namespace Leadwise.Cli;

/// <summary>
/// Opens the store named by <c>--db</c>, <c>LEADWISE_DB</c> or the default file: a SQLite path, or a
/// PostgreSQL connection string (<see cref="StoreFactory"/> decides). Messages name a PostgreSQL store
/// by host, port and database only, never with its password.
/// </summary>
internal static class StoreOpener
{
    /// <summary>Opens the store, creating the SQLite file when it does not exist (commands that write).</summary>
    public static Task<ILeadwiseStore> OpenAsync(string? option, CliContext context, CancellationToken cancellationToken) =>
        OpenAsync(option, context, mustExist: false, cancellationToken);

    /// <summary>Opens a store that must already exist (commands that only read), rather than creating an empty one.</summary>
    public static Task<ILeadwiseStore> OpenExistingAsync(string? option, CliContext context, CancellationToken cancellationToken) =>
        OpenAsync(option, context, mustExist: true, cancellationToken);

    /// <summary>Brings the store's schema up to date (<c>leadwise db migrate</c>); the store must already exist.</summary>
    public static async Task<SchemaMigration> MigrateAsync(string? option, CliContext context, CancellationToken cancellationToken)
    {
        var location = StoreLocation.Resolve(option, context.Environment);
        try
        {
            return await StoreFactory.MigrateAsync(location, cancellationToken).ConfigureAwait(false);
        }
        catch (FileNotFoundException)
        {
            throw new UserFacingException($"There is no store at {Path.GetFullPath(location)}; pass --db with an existing SQLite file or a PostgreSQL connection string.");
        }
    }

    /// <summary>A store location as it may be shown: a SQLite path as given, a PostgreSQL one as host, port and database.</summary>
    public static string Display(string location) =>
        StoreLocation.IsPostgres(location) ? StoreFactory.Describe(location) : location;

    private static async Task<ILeadwiseStore> OpenAsync(string? option, CliContext context, bool mustExist, CancellationToken cancellationToken)
    {
        var location = StoreLocation.Resolve(option, context.Environment);
        try
        {
            return await StoreFactory.OpenAsync(location, mustExist, cancellationToken).ConfigureAwait(false);
        }
        catch (FileNotFoundException) when (mustExist)
        {
            throw new UserFacingException($"There is no store at {Path.GetFullPath(location)}; run 'leadwise import <folder>' or 'leadwise quickstart' first, or pass --db.");
        }
    }
}
