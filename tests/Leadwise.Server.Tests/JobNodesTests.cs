using Leadwise.Core.Jobs;
using Leadwise.Data.Import;
using Leadwise.Data.Postgres;
using Leadwise.Data.Sqlite;
using Leadwise.Server.Endpoints;
using Leadwise.Testing;
using Leadwise.Testing.Exports;
using Leadwise.Testing.Postgres;

namespace Leadwise.Server.Tests;

/// <summary>Two server nodes on one PostgreSQL database share the store's jobs: whichever node accepted a job, one node runs it, once.</summary>
[Collection(PostgresCollection.Name)]
public sealed class JobNodesTests(PostgresServerFixture postgres) : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }

    [SkippableFact]
    public async Task Should_RunAnUploadPostedToAnApiOnlyNode_OnTheOtherNode_FromTheUploadInTheStore()
    {
        // Given: node A accepts jobs but does not run them (Leadwise:Jobs:Run=false)
        var location = await postgres.CreateStoreLocationAsync(CancellationToken.None);
        var secret = await JobNode.CreateKeyAsync(location);
        using var export = new ExportFolderBuilder().Build();
        await using var store = await StoreFactory.OpenAsync(location, mustExist: true, CancellationToken.None);
        await using var nodeA = JobNode.Start(location, secret, "node-a", ("Leadwise:Jobs:Run", "false"));

        // When: the upload is posted to A, and B starts only after A has had several polls' time alone
        var id = await nodeA.QueueAsync("/api/import", ExportUpload.From(export.Path));
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        var whileAlone = await nodeA.GetJobAsync(id);
        var filesWhileQueued = await store.ReadJobFilesAsync(id, CancellationToken.None).Select(chunk => chunk.Name).Distinct().ToListAsync();
        await using var nodeB = JobNode.Start(location, secret, "node-b");
        var job = await nodeA.WaitUntilFinishedAsync(id);

        // Then: A left it queued with its upload in the store; B ran it once, to the CLI importer's rows
        Assert.Equal(JobStates.Queued, whileAlone.GetProperty("state").GetString());
        Assert.Equal(ImportEndpoints.FileParts.Order(StringComparer.Ordinal), filesWhileQueued);
        Assert.Equal(JobStates.Succeeded, job.GetProperty("state").GetString());
        Assert.Equal(1, (await store.FindJobAsync(id, CancellationToken.None))!.Attempts);
        await using var expected = await SqliteLeadwiseStore.OpenAsync(_directory.File("cli.db"), CancellationToken.None);
        var report = await new OutreachImporter(expected).ImportAsync(export.Path, new ImportOptions(), null, CancellationToken.None);
        Assert.Equal(JobTakeOverTests.TablesOf(report), JobTakeOverTests.TablesOf(job));
        await JobTakeOverTests.AssertHoldsExactlyAsync(expected, store);
        Assert.Empty(await store.ReadAllJobFilesAsync(CancellationToken.None).ToListAsync());
    }

    [SkippableFact]
    public async Task Should_RunEachJobExactlyOnce_WhenTwoRunningNodesRaceForThem()
    {
        // Given: two nodes that both run jobs, polling every second
        var location = await postgres.CreateStoreLocationAsync(CancellationToken.None);
        var secret = await JobNode.CreateKeyAsync(location);
        using var export = new ExportFolderBuilder().Build();
        await using var store = await StoreFactory.OpenAsync(location, mustExist: true, CancellationToken.None);
        await using var nodeA = JobNode.Start(location, secret, "node-a");
        await using var nodeB = JobNode.Start(location, secret, "node-b");

        // When: six jobs are posted, alternately to each node (each wakes its own runner; the other polls)
        var ids = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            var node = i % 2 == 0 ? nodeA : nodeB;
            ids.Add(i % 3 == 0
                ? await node.QueueAsync("/api/jobs/score", null)
                : await node.QueueAsync("/api/import", ExportUpload.From(export.Path)));
        }

        var finished = new List<System.Text.Json.JsonElement>();
        foreach (var id in ids)
        {
            finished.Add(await nodeB.WaitUntilFinishedAsync(id));
        }

        // Then: every job succeeded after exactly one claim: of the two nodes racing for it, one won
        Assert.All(finished, job => Assert.Equal(JobStates.Succeeded, job.GetProperty("state").GetString()));
        foreach (var id in ids)
        {
            Assert.Equal(1, (await store.FindJobAsync(id, CancellationToken.None))!.Attempts);
        }

        Assert.Empty(await store.ReadAllJobFilesAsync(CancellationToken.None).ToListAsync());
    }
}
