using Leadwise.Data.Postgres;
using Leadwise.Data.Sqlite;
using Leadwise.Testing;

namespace Leadwise.Data.Tests.Postgres;

/// <summary>Which store a location opens (the PostgreSQL side is covered with a server in PostgresLeadwiseStoreTests).</summary>
public sealed class StoreFactoryTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task OpenAsync_Path_OpensSqliteCreatingTheFile()
    {
        // When
        await using var store = await StoreFactory.OpenAsync(_directory.File("new.db"), mustExist: false, CancellationToken.None);

        // Then
        Assert.IsType<SqliteLeadwiseStore>(store);
        Assert.True(File.Exists(_directory.File("new.db")));
        Assert.Equal($"SQLite {_directory.File("new.db")}", store.Description);
    }

    [Fact]
    public async Task OpenAsync_MissingFileThatMustExist_IsRefusedWithoutCreatingIt()
    {
        var error = await Assert.ThrowsAsync<FileNotFoundException>(() => StoreFactory.OpenAsync(_directory.File("missing.db"), mustExist: true, CancellationToken.None));

        Assert.Contains("There is no store at", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(_directory.File("missing.db")));
    }
}
