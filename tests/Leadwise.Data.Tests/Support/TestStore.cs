using Leadwise.Data.Import;
using Leadwise.Data.Sqlite;
using Leadwise.Data.Storage;
using Leadwise.Testing;
using Leadwise.Testing.Exports;

namespace Leadwise.Data.Tests.Support;

/// <summary>A SQLite store in its own temp folder (not <c>:memory:</c>: the store pools connections by path).</summary>
internal sealed class TestStore : IAsyncDisposable
{
    private readonly TempDirectory _directory;

    private TestStore(TempDirectory directory, SqliteLeadwiseStore store)
    {
        _directory = directory;
        Store = store;
    }

    public SqliteLeadwiseStore Store { get; }

    public string DatabasePath => Store.Path;

    /// <summary>A scratch folder next to the database (exports, rejects files).</summary>
    public string Folder(string name) => _directory.Subdirectory(name);

    public string File(string name) => _directory.File(name);

    public static async Task<TestStore> CreateAsync()
    {
        var directory = new TempDirectory();
        var store = await SqliteLeadwiseStore.OpenAsync(directory.File("leadwise.db"), CancellationToken.None);
        return new TestStore(directory, store);
    }

    public Task<ImportReport> ImportAsync(string folder, ImportOptions? options = null) =>
        new OutreachImporter(Store).ImportAsync(folder, options ?? new ImportOptions(), progress: null, CancellationToken.None);

    public async Task<ImportReport> ImportAsync(ExportFolderBuilder export, ImportOptions? options = null)
    {
        using var folder = export.Build();
        return await ImportAsync(folder.Path, options);
    }

    public Task<StoreCounts> CountAsync() => Store.CountAsync(CancellationToken.None);

    public Task<StoreContents> ReadAllAsync() => StoreContents.ReadAsync(Store);

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        _directory.Dispose();
    }
}
