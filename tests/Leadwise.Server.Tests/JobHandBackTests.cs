using Leadwise.Core.Jobs;
using Leadwise.Data.Import;
using Leadwise.Data.Postgres;
using Leadwise.Data.Sqlite;
using Leadwise.Data.Storage;
using Leadwise.Server.Endpoints;
using Leadwise.Testing.Exports;
using Leadwise.Testing.Postgres;

namespace Leadwise.Server.Tests;

/// <summary>
/// A node that stops while running a job cancels it (its transaction rolls back) and hands it back to the queue, so
/// another node finishes it at its next poll instead of after the 60-second lease. On SQLite the other node is the same
/// file's next server; on PostgreSQL another node on the database.
/// </summary>
public abstract class JobHandBackTests : JobNodeTestBase
{
    [SkippableFact]
    public async Task Should_HandARunningImportBack_WhenItsNodeStops_SoAnotherNodeFinishesItBeforeTheLeaseWouldHaveExpired()
    {
        // Given: node A (60 s leases) runs an upload and is held inside the import's transaction, after Leads.csv
        var location = await CreateLocationAsync();
        var secret = await JobNode.CreateKeyAsync(location);
        using var export = new ExportFolderBuilder().Build();
        await using var store = await StoreFactory.OpenAsync(location, mustExist: true, CancellationToken.None);
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var nodeA = JobNode.Start(location, secret, "node-a", HeldImportJobHandler.Install("Leads.csv", held), ("Leadwise:Jobs:LeaseSeconds", "60"));
        string id;
        Job whileRunning;
        StoreCounts countsWhileRunning;
        try
        {
            id = await nodeA.QueueAsync("/api/import", ExportUpload.From(export.Path));
            await held.Task.WaitAsync(TimeSpan.FromMinutes(2));
            whileRunning = (await store.FindJobAsync(id, CancellationToken.None))!;
            countsWhileRunning = await store.CountAsync(CancellationToken.None);
        }
        finally
        {
            // When: A stops (its host shuts down as on Ctrl+C or a rolling restart)
            await nodeA.DisposeAsync();
        }

        var afterStop = (await store.FindJobAsync(id, CancellationToken.None))!;
        var countsAfterStop = await store.CountAsync(CancellationToken.None);
        var filesAfterStop = await store.ReadJobFilesAsync(id, CancellationToken.None).Select(chunk => chunk.Name).Distinct().CountAsync();
        await using var nodeB = JobNode.Start(location, secret, "node-b");
        var job = await nodeB.WaitUntilFinishedAsync(id);

        // Then: A held it under its lease with nothing visible; stopping rolled the import back and queued the job again
        // with its upload, the claim not counted; B ran it once, to the CLI importer's rows, well inside A's lease
        Assert.Equal((JobStates.Running, "node-a", 1), (whileRunning.State, whileRunning.Lease?.Owner, whileRunning.Attempts));
        Assert.Equal(new StoreCounts(0, 0, 0, 0, 0), countsWhileRunning);
        Assert.Equal(new StoreCounts(0, 0, 0, 0, 0), countsAfterStop);
        Assert.Equal((JobStates.Queued, null, 0, null, null), (afterStop.State, afterStop.Lease, afterStop.Attempts, afterStop.StartedAt, afterStop.Progress));
        Assert.Equal(ImportEndpoints.FileParts.Count, filesAfterStop);
        Assert.Equal(JobStates.Succeeded, job.GetProperty("state").GetString());
        var stored = (await store.FindJobAsync(id, CancellationToken.None))!;
        Assert.Equal(1, stored.Attempts);
        Assert.True(stored.FinishedAt < whileRunning.Lease!.ExpiresAt, $"finished at {stored.FinishedAt:O}, A's lease ran to {whileRunning.Lease.ExpiresAt:O}");
        await using var expected = await SqliteLeadwiseStore.OpenAsync(Directory.File("cli.db"), CancellationToken.None);
        var report = await new OutreachImporter(expected).ImportAsync(export.Path, new ImportOptions(), null, CancellationToken.None);
        Assert.Equal(JobTakeOverTests.TablesOf(report), JobTakeOverTests.TablesOf(job));
        await JobTakeOverTests.AssertHoldsExactlyAsync(expected, store);
        Assert.Empty(await store.ReadAllJobFilesAsync(CancellationToken.None).ToListAsync());
    }
}

/// <summary>Nodes one after another on a SQLite file.</summary>
public sealed class SqliteJobHandBackTests : JobHandBackTests
{
    private protected override Task<string> CreateLocationAsync() => Task.FromResult(NewSqliteLocation());
}

/// <summary>Nodes on one PostgreSQL database.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresJobHandBackTests(PostgresServerFixture postgres) : JobHandBackTests
{
    private protected override Task<string> CreateLocationAsync() => postgres.CreateStoreLocationAsync(CancellationToken.None);
}
