using Npgsql;
using Xunit;

namespace Leadwise.Testing.Postgres;

/// <summary>
/// A throwaway primary with a streaming standby for one test class (replay pauses affect the whole standby, so classes
/// do not share it). Stores are schemas of one database on the primary, replicated to the standby like everything else.
/// Without the binaries the tests skip, saying why, unless <c>LEADWISE_REQUIRE_POSTGRES=1</c> makes them fail.
/// </summary>
public sealed class PostgresReplicaFixture : IAsyncLifetime
{
    private ThrowawayPostgresReplica? _replica;
    private string? _storesDatabase;
    private string? _missing;

    public async Task InitializeAsync()
    {
        var (binaries, missing) = PostgresInstall.Locate("pg_basebackup");
        if (binaries is null)
        {
            _missing = missing;
            return;
        }

        // Binaries that are there but cannot start a primary and its standby are a failure, not a reason to skip.
        _replica = await ThrowawayPostgresReplica.StartAsync(binaries, CancellationToken.None);
        _storesDatabase = new NpgsqlConnectionStringBuilder(await _replica.Primary.CreateDatabaseAsync("stores", CancellationToken.None)).Database;
    }

    public async Task DisposeAsync()
    {
        if (_replica is not null)
        {
            await _replica.DisposeAsync();
        }
    }

    /// <summary>The primary and standby, or a skip (a failure under <c>LEADWISE_REQUIRE_POSTGRES=1</c>) when PostgreSQL is not installed.</summary>
    public ThrowawayPostgresReplica RequireReplica()
    {
        if (_missing is not null)
        {
            PostgresInstall.SkipOrFail(_missing);
        }

        return _replica!;
    }

    /// <summary>A new, empty store location on the primary (a schema of its own); <see cref="ThrowawayPostgresReplica.ReplicaOf"/> reads it on the standby.</summary>
    public Task<string> CreateStoreLocationAsync(CancellationToken cancellationToken) =>
        RequireReplica().Primary.CreateSchemaAsync(_storesDatabase!, "store", cancellationToken);
}
