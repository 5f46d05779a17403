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

    [Fact]
    public async Task FindLeadAsync_UnknownId_ReturnsNull()
    {
        // Given
        await using var store = await OpenWithAsync(new LeadBuilder().WithId(7).Build());

        // When
        var lead = await store.FindLeadAsync(new LeadId(8), CancellationToken.None);

        // Then
        Assert.Null(lead);
        Assert.NotNull(await store.FindLeadAsync(new LeadId(7), CancellationToken.None));
    }

    [Fact]
    public async Task ReadMessagesOfCampaignAsync_IsOrderedByOrderAndHoldsOnlyThatCampaign()
    {
        // Given
        await using var store = await SqliteLeadwiseStore.OpenAsync(_directory.File("messages.db"), CancellationToken.None);
        await using (var writer = await store.BeginWriteAsync(StoreWriteMode.Incremental, CancellationToken.None))
        {
            await writer.UpsertAsync(new UserBuilder().Build(), CancellationToken.None);
            await writer.UpsertAsync(new CampaignBuilder().Build(), CancellationToken.None);
            await writer.UpsertAsync(new CampaignBuilder().WithId(99).Build(), CancellationToken.None);
            foreach (var order in new[] { 3, 0, 2, 1 })
            {
                await writer.UpsertAsync(new MessageBuilder().AtOrder(order).Build(), CancellationToken.None);
            }

            await writer.UpsertAsync(new MessageBuilder().InCampaign(99).AtOrder(1).Build(), CancellationToken.None);
            await writer.CommitAsync(CancellationToken.None);
        }

        // When
        var messages = await store.ReadMessagesOfCampaignAsync(new CampaignId(100), CancellationToken.None);

        // Then
        Assert.Equal([0, 1, 2, 3], messages.Select(m => m.Order));
        Assert.All(messages, m => Assert.Equal(new CampaignId(100), m.CampaignId));
        Assert.Equal(["0-100", "1-100", "2-100", "3-100"], messages.Select(m => m.Key.ToString()));
    }

    [Fact]
    public async Task ReadLeadsOfCampaignAsync_ReturnsThatCampaignsLeadsById()
    {
        // Given
        await using var store = await OpenWithAsync(
            new LeadBuilder().WithId(30).Build(),
            new LeadBuilder().WithId(10).Build(),
            new LeadBuilder().WithId(20).InCampaign(99).Build());

        // When
        var leads = new List<Lead>();
        await foreach (var lead in store.ReadLeadsOfCampaignAsync(new CampaignId(100), CancellationToken.None))
        {
            leads.Add(lead);
        }

        // Then
        Assert.Equal([10L, 30L], leads.Select(l => l.Id.Value));
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

    [Fact]
    public async Task UpsertAsync_StoresEveryValueOfARecordExactly()
    {
        // Given
        var lead = new LeadBuilder().WithId(9007199254740993).RepliedAtStep(3).WithExtra("leadScore", "ä, \"ö\"").WithExtra("empty", null).Build();
        var user = new UserBuilder().WithExtra("plan", "gold").Build() with { BoughtCredit = 100.50m, UsedCredit = 0.125m };

        // When
        await using var store = await OpenWithAsync(lead);
        await using (var writer = await store.BeginWriteAsync(StoreWriteMode.Incremental, CancellationToken.None))
        {
            await writer.UpsertAsync(user, CancellationToken.None);
            await writer.CommitAsync(CancellationToken.None);
        }

        // Then
        Assert.Equal(lead, await store.FindLeadAsync(lead.Id, CancellationToken.None));
        var contents = await StoreContents.ReadAsync(store);
        Assert.Equal(user, contents.Users.Single());
        Assert.Equal("100.50", contents.Users.Single().BoughtCredit!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
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

    private async Task<SqliteLeadwiseStore> OpenWithAsync(params Lead[] leads)
    {
        var store = await SqliteLeadwiseStore.OpenAsync(_directory.File(Guid.NewGuid().ToString("N") + ".db"), CancellationToken.None);
        await using var writer = await store.BeginWriteAsync(StoreWriteMode.Incremental, CancellationToken.None);
        await writer.UpsertAsync(new UserBuilder().Build(), CancellationToken.None);
        await writer.UpsertAsync(new CampaignBuilder().Build(), CancellationToken.None);
        await writer.UpsertAsync(new CampaignBuilder().WithId(99).Build(), CancellationToken.None);
        foreach (var lead in leads)
        {
            await writer.UpsertAsync(lead, CancellationToken.None);
        }

        await writer.CommitAsync(CancellationToken.None);
        return store;
    }
}
