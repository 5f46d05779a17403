using Leadwise.Data.Sqlite;
using Leadwise.Data.Storage;
using Npgsql;

namespace Leadwise.Data.Postgres;

/// <summary>
/// The one place a store location becomes a store, for every host: a location that looks like
/// PostgreSQL (<see cref="StoreLocation.IsPostgres"/>) opens <see cref="PostgresLeadwiseStore"/>,
/// anything else is a SQLite file. It lives here because this is the assembly that sees both backends.
/// </summary>
public static class StoreFactory
{
    /// <summary>Opens the store, applying pending migrations; a SQLite file is created when missing unless <paramref name="mustExist"/>.</summary>
    public static async Task<ILeadwiseStore> OpenAsync(string location, bool mustExist, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(location);
        if (StoreLocation.IsPostgres(location))
        {
            return await OpenPostgresAsync(location, PostgresLeadwiseStore.OpenAsync, cancellationToken).ConfigureAwait(false);
        }

        if (mustExist)
        {
            RequireFile(location);
        }

        return await SqliteLeadwiseStore.OpenAsync(location, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Opens a read-only PostgreSQL copy of a store (a streaming replica) for reads, without migrating it; its schema
    /// version must be this build's. A SQLite path is refused: a SQLite file has no replicas to read from.
    /// </summary>
    public static async Task<PostgresLeadwiseStore> OpenReadReplicaAsync(string location, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(location);
        if (!StoreLocation.IsPostgres(location))
        {
            throw new ArgumentException($"A read replica must be a PostgreSQL connection string (Host=…;Database=… or postgresql://…), not a SQLite path ({location}).", nameof(location));
        }

        return await OpenPostgresAsync(location, PostgresLeadwiseStore.OpenReadReplicaAsync, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Brings an existing store's schema up to date (what opening does anyway, made explicit for
    /// operators) and says which version it found and left. Safe to repeat: an up-to-date store is left as it is.
    /// </summary>
    public static async Task<SchemaMigration> MigrateAsync(string location, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(location);
        if (StoreLocation.IsPostgres(location))
        {
            return await OpenPostgresAsync(location, PostgresLeadwiseStore.MigrateAsync, cancellationToken).ConfigureAwait(false);
        }

        RequireFile(location);
        return await SqliteLeadwiseStore.MigrateAsync(location, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Whether two locations name the same store: the same SQLite file, or the same PostgreSQL host, port,
    /// database and search path (as written: <c>localhost</c> and <c>127.0.0.1</c> count as different).
    /// Copying a store onto itself would empty it before reading it.
    /// </summary>
    public static bool IsSameStore(string first, string second)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(first);
        ArgumentException.ThrowIfNullOrWhiteSpace(second);
        if (StoreLocation.IsPostgres(first) != StoreLocation.IsPostgres(second))
        {
            return false;
        }

        if (!StoreLocation.IsPostgres(first))
        {
            return string.Equals(Path.GetFullPath(first), Path.GetFullPath(second), StringComparison.Ordinal);
        }

        var (a, b) = (PostgresConnectionString.Parse(first), PostgresConnectionString.Parse(second));
        return string.Equals(a.Host, b.Host, StringComparison.OrdinalIgnoreCase)
            && a.Port == b.Port
            && string.Equals(a.Database, b.Database, StringComparison.Ordinal)
            && string.Equals(a.SearchPath ?? string.Empty, b.SearchPath ?? string.Empty, StringComparison.Ordinal);
    }

    /// <summary>What to show a person for a location: the SQLite path, or PostgreSQL host, port and database only.</summary>
    public static string Describe(string location)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(location);
        return StoreLocation.IsPostgres(location)
            ? PostgresConnectionString.Describe(PostgresConnectionString.Parse(location))
            : $"SQLite {Path.GetFullPath(location)}";
    }

    private static async Task<T> OpenPostgresAsync<T>(string location, Func<string, CancellationToken, Task<T>> open, CancellationToken cancellationToken)
    {
        try
        {
            return await open(location, cancellationToken).ConfigureAwait(false);
        }
        catch (NpgsqlException exception) when (exception is not PostgresException postgres || IsNotThere(postgres.SqlState))
        {
            // Unreachable server, unknown database, refused login: the database is not there to use,
            // which hosts report like a missing file. The message names host and database, not the password.
            throw new IOException($"Could not open {Describe(location)}: {exception.Message}", exception);
        }
    }

    private static void RequireFile(string location)
    {
        if (!File.Exists(location))
        {
            throw new FileNotFoundException($"There is no store at {Path.GetFullPath(location)}.", Path.GetFullPath(location));
        }
    }

    /// <summary>Connection failures (08…), refused logins (28…) and an unknown database (3D000).</summary>
    private static bool IsNotThere(string sqlState) =>
        sqlState.StartsWith("08", StringComparison.Ordinal) || sqlState.StartsWith("28", StringComparison.Ordinal) || sqlState == "3D000";
}
