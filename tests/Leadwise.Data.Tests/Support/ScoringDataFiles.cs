using Leadwise.Core.Companies;
using Leadwise.Core.Engagement;
using Leadwise.Data.Import;
using Leadwise.Testing.Exports;

namespace Leadwise.Data.Tests.Support;

/// <summary>A store holding the default outreach export, plus helpers to import events and companies files written from text.</summary>
internal static class ScoringDataFiles
{
    public const string EventsHeader = "leadId,type,occurredAt,clientEventId,url,campaign";

    public const string CompaniesHeader = "name,domain,industry,employees,targetMarket,country";

    public static async Task<TestStore> CreateStoreWithLeadsAsync(StoreBackend? backend = null)
    {
        var store = await TestStore.CreateAsync(backend);
        (await store.ImportAsync(new ExportFolderBuilder())).AssertSucceeded();
        return store;
    }

    /// <summary>Writes the lines (LF-terminated) as a UTF-8 file named <paramref name="fileName"/> and returns its path.</summary>
    public static string Write(TestStore store, string fileName, params string[] lines)
    {
        var path = Path.Combine(store.Folder(Guid.NewGuid().ToString("N")), fileName);
        File.WriteAllText(path, string.Concat(lines.Select(line => line + "\n")), new System.Text.UTF8Encoding(false));
        return path;
    }

    public static Task<ImportReport> ImportEventsAsync(this TestStore store, string path, ImportOptions? options = null, bool inBulk = false) =>
        new EngagementImporter(store.Store) { BulkLoadBytes = inBulk ? 0 : 16L << 20 }
            .ImportAsync(path, options ?? new ImportOptions(), progress: null, CancellationToken.None);

    public static Task<ImportReport> ImportCompaniesAsync(this TestStore store, string path, ImportOptions? options = null) =>
        new CompanyImporter(store.Store).ImportAsync(path, options ?? new ImportOptions(), progress: null, CancellationToken.None);

    public static async Task<List<EngagementEvent>> EventsAsync(this TestStore store) =>
        await ToListAsync(store.Store.ReadEventsAsync(CancellationToken.None));

    public static async Task<List<CompanyProfile>> CompaniesAsync(this TestStore store) =>
        await ToListAsync(store.Store.ReadCompaniesAsync(CancellationToken.None));

    public static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> rows)
    {
        var list = new List<T>();
        await foreach (var row in rows)
        {
            list.Add(row);
        }

        return list;
    }
}
