using Leadwise.Data.Postgres;
using Leadwise.Data.Storage;
using Leadwise.Testing.Outreach;
using Leadwise.Testing.Postgres;
using Npgsql;

namespace Leadwise.Data.Tests.Postgres;

/// <summary>A store opened on a pg_basebackup standby: not migrated, read-only, its schema version and replay state checked.</summary>
public sealed class PostgresReadReplicaTests(PostgresReplicaFixture replication) : IClassFixture<PostgresReplicaFixture>
{
    [SkippableFact]
    public async Task Should_ReadWhatThePrimaryWrote_AfterReplay_AndRefuseWrites()
    {
        // Given: a store on the primary with one user, replayed on the standby
        var location = await replication.CreateStoreLocationAsync(CancellationToken.None);
        await using var primary = await StoreFactory.OpenAsync(location, mustExist: false, CancellationToken.None);
        await using (var writer = await primary.BeginWriteAsync(StoreWriteMode.Incremental, CancellationToken.None))
        {
            await writer.UpsertAsync(new UserBuilder().WithId(42).OfCompany("Replica GmbH").Build(), CancellationToken.None);
            await writer.CommitAsync(CancellationToken.None);
        }

        await replication.RequireReplica().WaitForReplayAsync(CancellationToken.None);

        // When
        await using var replica = await StoreFactory.OpenReadReplicaAsync(replication.RequireReplica().ReplicaOf(location), CancellationToken.None);
        var users = new List<Core.Outreach.User>();
        await foreach (var user in replica.ReadUsersAsync(CancellationToken.None))
        {
            users.Add(user);
        }

        // Then: the standby has the row, is in recovery, and a write through it is refused by PostgreSQL itself
        Assert.Equal("Replica GmbH", Assert.Single(users).CompanyName);
        Assert.True((await replica.ReadReplicationStateAsync(CancellationToken.None)).InRecovery);
        Assert.False((await ((PostgresLeadwiseStore)primary).ReadReplicationStateAsync(CancellationToken.None)).InRecovery);
        var refused = await Assert.ThrowsAsync<PostgresException>(async () =>
        {
            await using var writer = await replica.BeginWriteAsync(StoreWriteMode.Incremental, CancellationToken.None);
            await writer.UpsertAsync(new UserBuilder().WithId(43).Build(), CancellationToken.None);
            await writer.CommitAsync(CancellationToken.None);
        });
        Assert.Equal(PostgresErrorCodes.ReadOnlySqlTransaction, refused.SqlState);
    }

    [SkippableFact]
    public async Task Should_RefuseAReplicaBehindThisBuildsSchemaVersion_NamingBothVersions()
    {
        // Given: a store whose last migration step is unrecorded on the primary (as if it had been migrated by an older build)
        var location = await replication.CreateStoreLocationAsync(CancellationToken.None);
        int latest;
        await using (var primary = await PostgresLeadwiseStore.OpenAsync(location, CancellationToken.None))
        {
            latest = await primary.ReadSchemaVersionAsync(CancellationToken.None);
        }

        await using (var connection = new NpgsqlConnection(location))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DELETE FROM leadwise_schema_version WHERE version = {latest}", connection);
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }

        await replication.RequireReplica().WaitForReplayAsync(CancellationToken.None);

        // When
        var refused = await Assert.ThrowsAsync<InvalidDataException>(() => StoreFactory.OpenReadReplicaAsync(replication.RequireReplica().ReplicaOf(location), CancellationToken.None));

        // Then
        Assert.Contains($"schema version {latest - 1}, behind the {latest} this Leadwise needs", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_RefuseASqlitePathAsAReadReplica()
    {
        var refused = await Assert.ThrowsAsync<ArgumentException>(() => StoreFactory.OpenReadReplicaAsync("leadwise.db", CancellationToken.None));

        Assert.Contains("must be a PostgreSQL connection string", refused.Message, StringComparison.Ordinal);
    }
}
