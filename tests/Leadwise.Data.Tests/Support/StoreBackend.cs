using Leadwise.Testing;
using Leadwise.Testing.Postgres;

namespace Leadwise.Data.Tests.Support;

/// <summary>
/// Where a contract test's stores live: a fresh location per store (a SQLite file, or a new database on
/// the throwaway PostgreSQL server), opened through <c>StoreFactory</c> like the hosts open theirs.
/// </summary>
internal abstract class StoreBackend
{
    public static readonly StoreBackend Sqlite = new SqliteBackend();

    public abstract string Name { get; }

    /// <summary>A location no store has used yet: <c>--db</c>'s value for a new, empty store.</summary>
    public abstract Task<string> CreateLocationAsync(TempDirectory scratch);

    public override string ToString() => Name;

    /// <summary>Stores on the run's throwaway PostgreSQL server, a schema each.</summary>
    public static StoreBackend Postgres(PostgresServerFixture server) => new PostgresBackend(server);

    private sealed class SqliteBackend : StoreBackend
    {
        public override string Name => "SQLite";

        public override Task<string> CreateLocationAsync(TempDirectory scratch) =>
            Task.FromResult(scratch.File(Guid.NewGuid().ToString("N") + ".db"));
    }

    private sealed class PostgresBackend(PostgresServerFixture server) : StoreBackend
    {
        public override string Name => "PostgreSQL";

        public override Task<string> CreateLocationAsync(TempDirectory scratch) =>
            server.CreateStoreLocationAsync(CancellationToken.None);
    }
}
