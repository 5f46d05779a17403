using Leadwise.Data.Import;
using Leadwise.Data.Postgres;
using Leadwise.Data.Storage;
using Leadwise.Testing;
using Leadwise.Testing.Exports;

namespace Leadwise.Data.Tests.Support;

/// <summary>
/// A store of the given backend (SQLite unless told) with a temp folder of its own for exports and
/// rejects files. SQLite files live in that folder (not <c>:memory:</c>: the store pools connections by path).
/// </summary>
internal sealed class TestStore : IAsyncDisposable
{
    private readonly TempDirectory _directory;

    private TestStore(TempDirectory directory, StoreBackend backend, string location, ILeadwiseStore store)
    {
        _directory = directory;
        Backend = backend;
        Location = location;
        Store = store;
    }

    public ILeadwiseStore Store { get; }

    public StoreBackend Backend { get; }

    /// <summary>What <c>--db</c> would say for this store: the file path or the connection string.</summary>
    public string Location { get; }

    /// <summary>A scratch folder next to the database (exports, rejects files).</summary>
    public string Folder(string name) => _directory.Subdirectory(name);

    public string File(string name) => _directory.File(name);

    public static async Task<TestStore> CreateAsync(StoreBackend? backend = null)
    {
        backend ??= StoreBackend.Sqlite;
        var directory = new TempDirectory();
        try
        {
            var location = await backend.CreateLocationAsync(directory);
            var store = await StoreFactory.OpenAsync(location, mustExist: false, CancellationToken.None);
            return new TestStore(directory, backend, location, store);
        }
        catch
        {
            directory.Dispose();
            throw;
        }
    }

    /// <summary>Opens the same store again, as a second process would.</summary>
    public Task<ILeadwiseStore> ReopenAsync() => StoreFactory.OpenAsync(Location, mustExist: true, CancellationToken.None);

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
