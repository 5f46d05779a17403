using Leadwise.Core.Outreach;
using Leadwise.Data.Import;
using Leadwise.Data.Sqlite;
using Leadwise.Data.Storage;
using Leadwise.Data.Tests.Support;
using Leadwise.Testing;
using Leadwise.Testing.Exports;
using Leadwise.Testing.Outreach;
using Microsoft.Data.Sqlite;

namespace Leadwise.Data.Tests.Sqlite;

/// <summary>What only the SQLite store has: a file, its pragma-kept schema version, its index rebuild. The shared behaviour is in StoreContractTests.</summary>
public sealed class SqliteLeadwiseStoreTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task OpenAsync_NewFile_IsAtTheLatestSchemaVersion()
    {
        // When
        await using var store = await SqliteLeadwiseStore.OpenAsync(_directory.File("new.db"), CancellationToken.None);

        // Then
        Assert.Equal(SqliteMigrations.Steps.Count, await store.ReadSchemaVersionAsync(CancellationToken.None));
        Assert.True(SqliteMigrations.Steps.Count >= 1);
        Assert.Equal(new StoreCounts(0, 0, 0, 0, 0), await store.CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task OpenAsync_ExistingFile_KeepsItsDataWithoutMigratingAgain()
    {
        // Given
        var path = _directory.File("existing.db");
        StoreContents before;
        await using (var first = await SqliteLeadwiseStore.OpenAsync(path, CancellationToken.None))
        {
            using var export = new ExportFolderBuilder().Build();
            var report = await new OutreachImporter(first).ImportAsync(export.Path, new ImportOptions(), null, CancellationToken.None);
            report.AssertSucceeded();
            before = await StoreContents.ReadAsync(first);
        }

        // When
        await using var reopened = await SqliteLeadwiseStore.OpenAsync(path, CancellationToken.None);

        // Then
        Assert.Equal(SqliteMigrations.Steps.Count, await reopened.ReadSchemaVersionAsync(CancellationToken.None));
        Assert.Equal(new StoreCounts(2, 2, 4, 3, 2), await reopened.CountAsync(CancellationToken.None));
        (await StoreContents.ReadAsync(reopened)).AssertSameRowsAs(before);
    }

    [Fact]
    public async Task OpenAsync_FileFromANewerLeadwise_IsRefused()
    {
        // Given
        var path = _directory.File("newer.db");
        await using (var store = await SqliteLeadwiseStore.OpenAsync(path, CancellationToken.None))
        {
            await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA user_version = {SqliteMigrations.Steps.Count + 1}";
            await command.ExecuteNonQueryAsync();
        }

        // When
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => SqliteLeadwiseStore.OpenAsync(path, CancellationToken.None));

        // Then
        Assert.Contains("newer than this Leadwise knows", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_FileThatIsNotSqlite_ThrowsInvalidDataExceptionNamingTheFile()
    {
        // Given
        var path = _directory.File("garbage.db");
        await File.WriteAllBytesAsync(path, [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 37 % 251))]);

        // When
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => SqliteLeadwiseStore.OpenAsync(path, CancellationToken.None));

        // Then
        Assert.Contains("garbage.db is not a SQLite database", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_WhenFolderDoesNotExist_ThrowsDirectoryNotFound()
    {
        await Assert.ThrowsAsync<DirectoryNotFoundException>(() =>
            SqliteLeadwiseStore.OpenAsync(Path.Combine(_directory.Path, "missing", "leadwise.db"), CancellationToken.None));
    }

    [Theory]
    [InlineData(StoreWriteMode.Incremental)]
    [InlineData(StoreWriteMode.BulkLoad)]
    public async Task BeginWriteAsync_DisposedWithoutCommit_RollsBack_AndKeepsTheIndexes(StoreWriteMode mode)
    {
        // Given
        var path = _directory.File($"rollback-{mode}.db");
        await using var store = await SqliteLeadwiseStore.OpenAsync(path, CancellationToken.None);
        var indexesBefore = await ReadIndexNamesAsync(path);

        // When
        await using (var writer = await store.BeginWriteAsync(mode, CancellationToken.None))
        {
            await writer.UpsertAsync(new UserBuilder().Build(), CancellationToken.None);
            await writer.AddExtraColumnsAsync(StoreTable.Users, ["plan"], CancellationToken.None);
        }

        // Then
        Assert.Equal(new StoreCounts(0, 0, 0, 0, 0), await store.CountAsync(CancellationToken.None));
        Assert.Empty(await store.ReadExtraColumnsAsync(StoreTable.Users, CancellationToken.None));
        Assert.Contains("leads_by_campaign", indexesBefore);
        Assert.Equal(indexesBefore, await ReadIndexNamesAsync(path));
    }

    [Fact]
    public async Task BulkLoad_RebuildsTheIndexesItDeferred_BeforeCommitting()
    {
        // Given
        var path = _directory.File("bulk.db");
        await using var store = await SqliteLeadwiseStore.OpenAsync(path, CancellationToken.None);
        var indexesBefore = await ReadIndexNamesAsync(path);

        // When
        await using (var writer = await store.BeginWriteAsync(StoreWriteMode.BulkLoad, CancellationToken.None))
        {
            await writer.UpsertAsync(new UserBuilder().Build(), CancellationToken.None);
            await writer.UpsertAsync(new CampaignBuilder().Build(), CancellationToken.None);
            await writer.UpsertAsync(new LeadBuilder().WithId(5).Build(), CancellationToken.None);
            await writer.CommitAsync(CancellationToken.None);
        }

        // Then
        Assert.Equal(indexesBefore, await ReadIndexNamesAsync(path));
        var lead = Assert.Single(await store.ReadLeadsOfCampaignAsync(new CampaignBuilder().Build().Id, CancellationToken.None).ToListAsync());
        Assert.Equal(new LeadId(5), lead.Id);
    }

    private static async Task<List<string>> ReadIndexNamesAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name";
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}
