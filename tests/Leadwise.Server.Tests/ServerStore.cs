using Leadwise.Data.Import;
using Leadwise.Data.Postgres;
using Leadwise.Data.Sqlite;
using Leadwise.Data.Transfer;
using Leadwise.Generator;
using Leadwise.Generator.Writing;
using Leadwise.Learning.Features;
using Leadwise.Learning.Model;
using Leadwise.Learning.Registry;
using Leadwise.Learning.Training;
using Leadwise.Recommend.Hazards;
using Leadwise.Recommend.Modeling;
using Leadwise.Recommend.Registry;
using Leadwise.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Leadwise.Server.Tests;

/// <summary>
/// A generated store (3,000 leads with companies and events) and the server hosted over it, once with a
/// promoted conversion model and once without: built once per test class (generation and training take seconds).
/// </summary>
public sealed class ServerStore : IAsyncLifetime
{
    private readonly TempDirectory _directory = new();

    public WebApplicationFactory<Program> WithModel { get; private set; } = null!;

    public WebApplicationFactory<Program> WithoutModel { get; private set; } = null!;

    public string Database => _directory.File("leadwise.db");

    public string DatabaseWithoutModel => _directory.File("no-model.db");

    public long KnownLeadId { get; private set; }

    public long KnownCampaignId { get; private set; }

    /// <summary>The campaigns of the known lead's user (account): the only ones recommendations may come from.</summary>
    public IReadOnlySet<long> OwnersCampaigns { get; private set; } = new HashSet<long>();

    public async Task InitializeAsync()
    {
        var export = new OutreachGenerator().Generate(new GeneratorOptions { LeadCount = 3000, Seed = 8 });
        var folder = _directory.File("export");
        await new GeneratedExportWriter().WriteAsync(export, folder, null, CancellationToken.None);
        foreach (var database in new[] { Database, DatabaseWithoutModel })
        {
            await using var store = await SqliteLeadwiseStore.OpenAsync(database, CancellationToken.None);
            await new OutreachImporter(store).ImportAsync(folder, new ImportOptions(), null, CancellationToken.None);
            await new CompanyImporter(store).ImportAsync(Path.Combine(folder, "companies.csv"), new ImportOptions(), null, CancellationToken.None);
            await new EngagementImporter(store).ImportAsync(Path.Combine(folder, "events.csv"), new ImportOptions(), null, CancellationToken.None);
            if (database == Database)
            {
                var leads = await StoreLeads.ReadAsync(store, CancellationToken.None);
                var trained = ConversionModelTrainer.Train(leads.Invited, leads.Replied, new ConversionTrainingOptions(Folds: 3, Trainers: [TrainerKind.LogisticRegression], Importance: false), DateTimeOffset.UtcNow);
                var registry = new ConversionModelRegistry(store, TimeProvider.System);
                await registry.PromoteAsync((await registry.SaveAsync(trained.Model, CancellationToken.None)).Version, CancellationToken.None);
                var lead = leads.All.First(f => f.Lead.InviteSentAt is not null).Lead;
                (KnownLeadId, KnownCampaignId) = (lead.Id.Value, lead.CampaignId.Value);

                var hazard = HazardModel.Train(HazardRows.Build(leads.All, leads.Messages), new HazardModelOptions { Folds = 3, Trainers = [TrainerKind.LogisticRegression] });
                var hazards = new HazardModelRegistry(store, TimeProvider.System);
                await hazards.PromoteAsync((await hazards.SaveAsync(hazard, CancellationToken.None)).Version, CancellationToken.None);
                var owner = leads.All.Select(f => f.Campaign).First(c => c?.Id == lead.CampaignId)!.UserId;
                OwnersCampaigns = leads.All.Select(f => f.Campaign).Where(c => c?.UserId == owner).Select(c => c!.Id.Value).ToHashSet();
            }
        }

        WithModel = Host(Database);
        WithoutModel = Host(DatabaseWithoutModel);
    }

    /// <summary>Copies the store with the model (models, promotions and all) into a new store at <paramref name="location"/>, a SQLite file or a PostgreSQL connection string.</summary>
    public async Task CopyToAsync(string location)
    {
        await using var source = await StoreFactory.OpenAsync(Database, mustExist: true, CancellationToken.None);
        await using var target = await StoreFactory.OpenAsync(location, mustExist: false, CancellationToken.None);
        await new StoreCopier(source, target).CopyAsync(replace: false, progress: null, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await WithModel.DisposeAsync();
        await WithoutModel.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }

    /// <summary>Reads are opened here because these hosts test what endpoints answer; SecurityTests closes them again.</summary>
    private static WebApplicationFactory<Program> Host(string database) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(builder => builder
            .UseSetting(LeadwiseServer.DatabaseSetting, database)
            .UseSetting(Security.LeadwiseSecurity.OpenReadsSetting, "true"));
}
