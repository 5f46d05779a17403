using System.Globalization;
using Npgsql;

namespace Leadwise.Data.Postgres;

public sealed partial class PostgresLeadwiseStore
{
    /// <summary>
    /// Connects to a read-only copy of a store (a hot standby streaming from the primary) without migrating it: a
    /// standby refuses every write, and its schema can only arrive by replaying the primary's. So the schema version is
    /// checked instead, and a copy behind (or ahead of) this build is refused, saying which version it is at.
    /// </summary>
    public static async Task<PostgresLeadwiseStore> OpenReadReplicaAsync(string connectionString, CancellationToken cancellationToken)
    {
        var builder = PostgresConnectionString.Parse(connectionString);
        var description = PostgresConnectionString.Describe(builder);
        var store = new PostgresLeadwiseStore(NpgsqlDataSource.Create(builder), description);
        try
        {
            var version = await store.ReadSchemaVersionAsync(cancellationToken).ConfigureAwait(false);
            var expected = PostgresMigrations.Steps.Count;
            if (version != expected)
            {
                throw new InvalidDataException(version < expected
                    ? string.Create(CultureInfo.InvariantCulture,
                        $"The read replica {description} is at schema version {version}, behind the {expected} this Leadwise needs: migrate the primary (leadwise db migrate) and let the replica replay it, then start again.")
                    : string.Create(CultureInfo.InvariantCulture,
                        $"The read replica {description} is at schema version {version}, newer than this Leadwise knows ({expected}); upgrade Leadwise."));
            }

            return store;
        }
        catch
        {
            await store.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Whether this database is a standby and how far its replay has come, in one cheap query (no table is read).
    /// On a primary every field but <see cref="ReplicationState.InRecovery"/> is null.
    /// </summary>
    public async Task<ReplicationState> ReadReplicationStateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("""
            SELECT pg_is_in_recovery(),
                   pg_last_xact_replay_timestamp(),
                   CASE WHEN pg_is_in_recovery() THEN extract(epoch FROM now() - pg_last_xact_replay_timestamp())::float8 END,
                   CASE WHEN pg_is_in_recovery() THEN pg_get_wal_replay_pause_state() END,
                   CASE WHEN pg_is_in_recovery() THEN pg_last_wal_receive_lsn() IS NOT DISTINCT FROM pg_last_wal_replay_lsn() END
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return new ReplicationState(
            reader.GetBoolean(0),
            reader.IsDBNull(1) ? null : reader.GetFieldValue<DateTimeOffset>(1),
            reader.IsDBNull(2) ? null : reader.GetDouble(2),
            reader.IsDBNull(3) ? null : reader.GetString(3),
            reader.IsDBNull(4) ? null : reader.GetBoolean(4));
    }
}
