using Leadwise.Data.Sqlite;
using Leadwise.Testing;
using Microsoft.Data.Sqlite;

namespace Leadwise.Data.Tests.Sqlite;

public sealed class SqliteMigrationsTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task OpenAsync_VersionOneFile_UpgradesToTheLatestVersionAndKeepsItsRows()
    {
        // Given: a store as Leadwise wrote it before step 2 existed, holding a user and a lead.
        var path = _directory.File("v1.db");
        await using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = SqliteMigrations.Steps[0] + """

                PRAGMA user_version = 1;
                INSERT INTO users (id, company_name) VALUES (7, 'Acme GmbH');
                INSERT INTO campaigns (id, name, user_id) VALUES (8, 'Launch', 7);
                INSERT INTO leads (id, campaign_id, name) VALUES (9, 8, 'Anna');
                """;
            await command.ExecuteNonQueryAsync();
        }

        // When
        await using var store = await SqliteLeadwiseStore.OpenAsync(path, CancellationToken.None);

        // Then
        Assert.Equal(SqliteMigrations.Steps.Count, await store.ReadSchemaVersionAsync(CancellationToken.None));
        var counts = await store.CountAsync(CancellationToken.None);
        Assert.Equal((1L, 1L, 1L), (counts.Users, counts.Campaigns, counts.Leads));
        Assert.Equal("Anna", (await store.FindLeadAsync(new(9), CancellationToken.None))!.Name);
        Assert.Equal(new Leadwise.Data.Storage.ScoringDataCounts(0, 0, 0), await store.CountScoringDataAsync(CancellationToken.None));
    }
}
