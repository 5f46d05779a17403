using Npgsql;
using Xunit;

namespace Leadwise.Testing.Postgres;

/// <summary>
/// One throwaway PostgreSQL server for all PostgreSQL test classes of a test assembly (they share one
/// xUnit collection whose fixture this is; the collection is defined in each test project). The run's stores live in one database, each in a schema of its own
/// (the store's SQL is unqualified, so the connection's search path is all that separates them; a schema
/// takes a millisecond where a database takes 0.2 s); tests about databases themselves create their own. Without the binaries the
/// tests skip, saying why, unless <c>LEADWISE_REQUIRE_POSTGRES=1</c> (CI, scripts/test.sh) makes them fail.
/// </summary>
public sealed class PostgresServerFixture : IAsyncLifetime
{
    public const string RequireVariable = PostgresInstall.RequireVariable;

    /// <summary>Where to look for <c>N/bin/initdb</c>; the Debian packages' place unless overridden.</summary>
    public const string RootVariable = PostgresInstall.RootVariable;

    private ThrowawayPostgresServer? _server;
    private string? _storesDatabase;
    private string? _missing;

    public async Task InitializeAsync()
    {
        var (binaries, missing) = PostgresInstall.Locate();
        if (binaries is null)
        {
            _missing = missing;
            return;
        }

        // Binaries that are there but cannot start a server are a failure, not a reason to skip.
        _server = await ThrowawayPostgresServer.StartAsync(binaries, CancellationToken.None);
        _storesDatabase = new NpgsqlConnectionStringBuilder(await _server.CreateDatabaseAsync("stores", CancellationToken.None)).Database;
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>The server, or a skip (a failure under <c>LEADWISE_REQUIRE_POSTGRES=1</c>) when it is not installed.</summary>
    public ThrowawayPostgresServer RequireServer()
    {
        if (_missing is not null)
        {
            PostgresInstall.SkipOrFail(_missing);
        }

        return _server!;
    }

    /// <summary>A new, empty store location: a schema of its own in the run's shared database.</summary>
    public Task<string> CreateStoreLocationAsync(CancellationToken cancellationToken) =>
        RequireServer().CreateSchemaAsync(_storesDatabase!, "store", cancellationToken);
}
