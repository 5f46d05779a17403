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

    [Theory]
    [InlineData("Host=db;Database=leadwise;Password=a", "Host=DB;Port=5432;Database=leadwise;Password=b", true)]
    [InlineData("Host=db;Database=leadwise", "postgresql://someone@db:5432/leadwise", true)]
    [InlineData("Host=db;Database=leadwise;Search Path=one", "Host=db;Database=leadwise;Search Path=two", false)]
    [InlineData("Host=db;Database=leadwise", "Host=db;Database=other", false)]
    [InlineData("Host=db;Database=leadwise", "Host=db;Port=5433;Database=leadwise", false)]
    [InlineData("Host=db;Database=leadwise", "leadwise", false)]
    public void IsSameStore_PostgresLocations_CompareServerDatabaseAndSchema_NotCredentials(string first, string second, bool same) =>
        Assert.Equal(same, StoreFactory.IsSameStore(first, second));

    [Fact]
    public void IsSameStore_SqlitePaths_CompareTheFullPath()
    {
        var path = _directory.File("a.db");
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), path);

        Assert.True(StoreFactory.IsSameStore(path, relative));
        Assert.False(StoreFactory.IsSameStore(path, _directory.File("b.db")));
    }
}
