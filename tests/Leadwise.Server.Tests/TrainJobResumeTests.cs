using System.Text.Json;
using Leadwise.Core.Jobs;
using Leadwise.Core.Progress;
using Leadwise.Data.Import;
using Leadwise.Data.Postgres;
using Leadwise.Generator;
using Leadwise.Generator.Writing;
using Leadwise.Learning.Features;
using Leadwise.Learning.Registry;
using Leadwise.Recommend.Registry;
using Leadwise.Server.Jobs;
using Leadwise.Testing.Postgres;

namespace Leadwise.Server.Tests;

/// <summary>
/// A train job whose node died right after registering its model versions (they are recorded with the job in the same
/// transaction) but before marking the job done: the next claimer finishes the job with those versions, and the registry
/// holds them exactly once.
/// </summary>
public abstract class TrainJobResumeTests : JobNodeTestBase
{
    [SkippableFact]
    public async Task Should_FinishWithTheVersionsADeadNodeRegistered_AndNeverRegisterThemTwice()
    {
        // Given: a generated store, a train job queued through an API-only node, and a node that claims it (4 s lease),
        // trains and registers through the server's own handler, and dies before recording the outcome
        var location = await CreateLocationAsync();
        await ImportGeneratedAsync(location);
        var secret = await JobNode.CreateKeyAsync(location);
        await using var store = await StoreFactory.OpenAsync(location, mustExist: true, CancellationToken.None);
        string id;
        await using (var apiOnly = JobNode.Start(location, secret, "api-only", ("Leadwise:Jobs:Run", "false")))
        {
            id = await apiOnly.QueueAsync("/api/jobs/train", new StringContent("""{"folds": 2, "seed": 7, "promote": true}""", System.Text.Encoding.UTF8, "application/json"));
        }

        var claimed = await store.StartJobAsync(id, new JobLease("dead-node", DateTimeOffset.UtcNow.AddSeconds(4)), DateTimeOffset.UtcNow, CancellationToken.None);
        var died = await new TrainJobHandler(store, TimeProvider.System).RunAsync(claimed!, new Progress<ProgressUpdate>(), CancellationToken.None);
        var registered = Versions(JsonDocument.Parse(died.ResultJson!).RootElement);
        var afterDeath = (await store.FindJobAsync(id, CancellationToken.None))!;
        var modelsAfterDeath = await store.ReadModelsAsync(CancellationToken.None).Select(m => m.Version).ToListAsync();

        // When: a live node starts and takes the job over once the dead node's lease expired
        await using var live = JobNode.Start(location, secret, "live-node");
        var job = await live.WaitUntilFinishedAsync(id);

        // Then: the dead node's versions were in the store and on the job while it still ran; the live node finished with
        // exactly them (promoted as asked), and the registry holds each once
        Assert.True(died.Succeeded);
        Assert.Equal(JobStates.Running, afterDeath.State);
        Assert.Equal(registered, Versions(JsonDocument.Parse(afterDeath.ResultJson!).RootElement));
        Assert.Equal([registered.Conversion, registered.Sequence], modelsAfterDeath);
        Assert.Equal(JobStates.Succeeded, job.GetProperty("state").GetString());
        Assert.Equal(2, (await store.FindJobAsync(id, CancellationToken.None))!.Attempts);
        Assert.Equal(registered, Versions(job.GetProperty("result")));
        Assert.Equal(modelsAfterDeath, await store.ReadModelsAsync(CancellationToken.None).Select(m => m.Version).ToListAsync());
        Assert.Equal(registered.Conversion, (await new ConversionModelRegistry(store, TimeProvider.System).HistoryAsync(CancellationToken.None)).Current);
        Assert.Equal(registered.Sequence, (await new HazardModelRegistry(store, TimeProvider.System).HistoryAsync(CancellationToken.None)).Current);

        // The dead node, were it to come back and register again, is refused: nothing is added.
        var conversions = new ConversionModelRegistry(store, TimeProvider.System);
        var sameModel = conversions.NewVersionOf(await conversions.LoadAsync(registered.Conversion, CancellationToken.None));
        var again = await store.SaveJobModelsAsync(id, "dead-node", [sameModel], DateTimeOffset.UtcNow, _ => "{}", CancellationToken.None);
        Assert.Null(again);
        Assert.Equal(modelsAfterDeath, await store.ReadModelsAsync(CancellationToken.None).Select(m => m.Version).ToListAsync());
    }

    [SkippableFact]
    public async Task Should_TrainAnAccountsJobOnItsLeadsOnly_AsItsOwnVersions_AndResumeWithThemOnce()
    {
        // Given: the generated store and its largest account; an unknown account asked for, and a train job for the
        // largest one queued; a node claims it, trains and registers, and dies before recording the outcome
        var location = await CreateLocationAsync();
        await ImportGeneratedAsync(location);
        var secret = await JobNode.CreateKeyAsync(location);
        await using var store = await StoreFactory.OpenAsync(location, mustExist: true, CancellationToken.None);
        var everyLead = await StoreLeads.ReadAsync(store, CancellationToken.None);
        var account = everyLead.All.GroupBy(f => f.Campaign!.UserId).OrderByDescending(g => g.Count()).ThenBy(g => g.Key.Value).First().Key;
        var accountsLeads = await StoreLeads.ReadAsync(store, account, CancellationToken.None);
        string id;
        HttpResponseMessage unknown;
        await using (var apiOnly = JobNode.Start(location, secret, "api-only", ("Leadwise:Jobs:Run", "false")))
        {
            unknown = await apiOnly.PostAsync("/api/jobs/train", Json("""{"account": 987654321}"""));
            id = await apiOnly.QueueAsync("/api/jobs/train", Json($$"""{"folds": 2, "seed": 7, "promote": true, "account": {{account.Value}}}"""));
        }

        var claimed = await store.StartJobAsync(id, new JobLease("dead-node", DateTimeOffset.UtcNow.AddSeconds(4)), DateTimeOffset.UtcNow, CancellationToken.None);
        var died = await new TrainJobHandler(store, TimeProvider.System).RunAsync(claimed!, new Progress<ProgressUpdate>(), CancellationToken.None);
        Assert.True(died.Succeeded, died.ResultJson);
        var registered = Versions(JsonDocument.Parse(died.ResultJson!).RootElement);

        // When: a live node takes the job over once the dead node's lease expired
        await using var live = JobNode.Start(location, secret, "live-node");
        var job = await live.WaitUntilFinishedAsync(id);

        // Then: the unknown account was refused naming the field; the job finished with the dead node's versions, trained
        // on exactly the account's invited leads, saved as the account's own and promoted for it alone, each once
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, unknown.StatusCode);
        var problem = JsonDocument.Parse(await unknown.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("There is no account (user) 987654321 in the store.", problem.GetProperty("errors").GetProperty("account")[0].GetString());
        Assert.Equal(JobStates.Succeeded, job.GetProperty("state").GetString());
        var result = job.GetProperty("result");
        Assert.Equal(registered, Versions(result));
        Assert.Equal(account.Value, result.GetProperty("account").GetInt64());
        Assert.Equal(accountsLeads.Invited.Count, result.GetProperty("conversion").GetProperty("rows").GetInt32());
        Assert.True(accountsLeads.Invited.Count < everyLead.Invited.Count, "the account holds every invited lead, so the test could not tell");
        var models = await store.ReadModelsAsync(CancellationToken.None).ToListAsync();
        Assert.Equal([registered.Conversion, registered.Sequence], models.Select(m => m.Version));
        Assert.All(models, m => Assert.Equal(account, m.Account));
        Assert.Equal(accountsLeads.Invited.Count, ConversionModelRegistry.ReadCard(models[0]).Rows);
        Assert.Equal(registered.Conversion, (await new ConversionModelRegistry(store, TimeProvider.System, account).HistoryAsync(CancellationToken.None)).Current);
        Assert.Equal(registered.Sequence, (await new HazardModelRegistry(store, TimeProvider.System, account).HistoryAsync(CancellationToken.None)).Current);
        Assert.Null((await new ConversionModelRegistry(store, TimeProvider.System).HistoryAsync(CancellationToken.None)).Current);
        Assert.Null((await new HazardModelRegistry(store, TimeProvider.System).HistoryAsync(CancellationToken.None)).Current);
        Assert.Equal(2, (await store.FindJobAsync(id, CancellationToken.None))!.Attempts);
    }

    private static StringContent Json(string body) => new(body, System.Text.Encoding.UTF8, "application/json");

    private static (int Conversion, int Sequence) Versions(JsonElement result) =>
        (result.GetProperty("conversion").GetProperty("version").GetInt32(), result.GetProperty("sequence").GetProperty("version").GetInt32());

    /// <summary>3,000 generated leads (enough replies for both models), imported as <c>leadwise import</c> does.</summary>
    private async Task ImportGeneratedAsync(string location)
    {
        var folder = Directory.File("export");
        await new GeneratedExportWriter().WriteAsync(new OutreachGenerator().Generate(new GeneratorOptions { LeadCount = 3000, Seed = 8 }), folder, null, CancellationToken.None);
        await using var store = await StoreFactory.OpenAsync(location, mustExist: false, CancellationToken.None);
        Assert.True((await new OutreachImporter(store).ImportAsync(folder, new ImportOptions(), null, CancellationToken.None)).Committed);
    }
}

/// <summary>One node on a SQLite file, restarted after its crash.</summary>
public sealed class SqliteTrainJobResumeTests : TrainJobResumeTests
{
    private protected override Task<string> CreateLocationAsync() => Task.FromResult(NewSqliteLocation());
}

/// <summary>Nodes on one PostgreSQL database.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresTrainJobResumeTests(PostgresServerFixture postgres) : TrainJobResumeTests
{
    private protected override Task<string> CreateLocationAsync() => postgres.CreateStoreLocationAsync(CancellationToken.None);
}
