using Leadwise.Core.Outreach;
using Leadwise.Data.Postgres;

namespace Leadwise.Cli.Tests;

/// <summary>
/// One generated export (3,000 leads with companies and events) in a SQLite file, trained there (both models promoted),
/// and copied with <c>leadwise db copy</c> into a PostgreSQL store: the same rows and the same model versions on both
/// backends, built once for a test class. It needs the collection's PostgreSQL server, which xUnit 2 cannot hand to a
/// class fixture, so the first test builds it (<see cref="EnsureAsync"/>) and the others reuse it.
/// </summary>
public sealed class PostgresCommandParityStores : IDisposable
{
    private readonly SemaphoreSlim _building = new(1, 1);
    private readonly TempFolder _folder = new();
    private bool _built;

    public string Export => _folder.Combine("export");

    public string Sqlite => _folder.Combine("leadwise.db");

    public string Postgres { get; private set; } = string.Empty;

    /// <summary>An invited lead and its campaign, read from the SQLite store.</summary>
    public (LeadId Lead, CampaignId Campaign) Known { get; private set; }

    public TempFolder Folder => _folder;

    public async Task EnsureAsync(Func<Task<string>> createPostgresLocation)
    {
        await _building.WaitAsync();
        try
        {
            if (_built)
            {
                return;
            }

            Postgres = await createPostgresLocation();
            Assert.Equal(ExitCodes.Success, (await CliRun.RunAsync("generate", "--leads", "3000", "--seed", "3", "--out", Export)).ExitCode);
            Assert.Equal(ExitCodes.Success, (await CliRun.RunAsync("import", Export, "--db", Sqlite)).ExitCode);
            Assert.Equal(ExitCodes.Success, (await CliRun.RunAsync("companies", "import", Path.Combine(Export, "companies.csv"), "--db", Sqlite)).ExitCode);
            Assert.Equal(ExitCodes.Success, (await CliRun.RunAsync("events", "import", Path.Combine(Export, "events.csv"), "--db", Sqlite)).ExitCode);
            var train = await CliRun.RunAsync("train", "--db", Sqlite, "--folds", "2", "--seed", "4");
            Assert.True(train.ExitCode == ExitCodes.Success, train.Output);
            var copy = await CliRun.RunAsync("db", "copy", "--from", Sqlite, "--to", Postgres);
            Assert.True(copy.ExitCode == ExitCodes.Success, copy.Output);

            await using var store = await StoreFactory.OpenAsync(Sqlite, mustExist: true, CancellationToken.None);
            await foreach (var lead in store.ReadLeadsAsync(CancellationToken.None))
            {
                if (lead.InviteSentAt is not null)
                {
                    Known = (lead.Id, lead.CampaignId);
                    break;
                }
            }

            _built = true;
        }
        finally
        {
            _building.Release();
        }
    }

    public void Dispose()
    {
        _folder.Dispose();
        _building.Dispose();
    }
}
