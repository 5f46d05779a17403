using System.Text.Json;
using Leadwise.Core.Jobs;
using Leadwise.Data.Import;
using Leadwise.Data.Postgres;
using Leadwise.Data.Sqlite;
using Leadwise.Data.Storage;
using Leadwise.Data.Transfer;
using Leadwise.Server.Endpoints;
using Leadwise.Testing.Exports;
using Leadwise.Testing.Postgres;

namespace Leadwise.Server.Tests;

/// <summary>
/// A job whose node died (simulated through the store: claimed under a short lease that is never renewed) is taken over
/// by a live node once the lease has expired and completes exactly once; a job whose nodes keep dying fails after
/// <c>Leadwise:Jobs:MaxAttempts</c>. On SQLite this is one node coming back after a crash; on PostgreSQL another node.
/// The job is accepted by an API-only node (<c>Leadwise:Jobs:Run=false</c>), so no live node claims it first.
/// </summary>
public abstract class JobTakeOverTests : JobNodeTestBase
{
    [SkippableFact]
    public async Task Should_TakeOverAJobWhoseNodeDied_OnceItsLeaseExpired_AndImportItExactlyOnce()
    {
        // Given: an upload queued through an API-only node, then claimed by a node that dies at once (its lease runs 4 s)
        var location = await CreateLocationAsync();
        var secret = await JobNode.CreateKeyAsync(location);
        using var export = new ExportFolderBuilder().Build();
        var expected = await ImportWithCliImporterAsync(export.Path);
        await using var store = await StoreFactory.OpenAsync(location, mustExist: true, CancellationToken.None);
        string id;
        await using (var apiOnly = JobNode.Start(location, secret, "api-only", ("Leadwise:Jobs:Run", "false")))
        {
            id = await apiOnly.QueueAsync("/api/import", ExportUpload.From(export.Path));
        }

        var deadLease = new JobLease("dead-node", DateTimeOffset.UtcNow.AddSeconds(4));
        Assert.NotNull(await store.StartJobAsync(id, deadLease, DateTimeOffset.UtcNow, CancellationToken.None));

        // When: a live node starts
        await using var live = JobNode.Start(location, secret, "live-node");
        var job = await live.WaitUntilFinishedAsync(id);

        // Then: it was claimed again only after the dead node's lease had expired, and ran to the CLI's result
        var stored = (await store.FindJobAsync(id, CancellationToken.None))!;
        Assert.Equal(JobStates.Succeeded, job.GetProperty("state").GetString());
        Assert.Equal(2, stored.Attempts);
        Assert.True(stored.StartedAt > deadLease.ExpiresAt, $"taken over at {stored.StartedAt:O}, before the lease expired at {deadLease.ExpiresAt:O}");
        Assert.Equal(TablesOf(expected.Report), TablesOf(job));
        await AssertHoldsExactlyAsync(expected.Store, store);
        Assert.Empty(await store.ReadJobFilesAsync(id, CancellationToken.None).ToListAsync());

        // The dead node, were it to come back, can neither renew nor record an outcome: the job finished once.
        Assert.False(await store.RenewJobAsync(id, deadLease with { ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(1) }, null, CancellationToken.None));
        Assert.False(await store.FinishJobAsync(id, "dead-node", JobStates.Failed, DateTimeOffset.UtcNow, null, ["late"], CancellationToken.None));
        Assert.Equal(JobStates.Succeeded, (await store.FindJobAsync(id, CancellationToken.None))!.State);
        await expected.Store.DisposeAsync();
    }

    [SkippableFact]
    public async Task Should_FailAJobWithTheReason_AfterMaxAttemptsClaimsThatNeverFinished_AndImportNothing()
    {
        // Given: an upload two dead nodes claimed in turn (each lease expired long ago), and MaxAttempts 2
        var location = await CreateLocationAsync();
        var secret = await JobNode.CreateKeyAsync(location);
        using var export = new ExportFolderBuilder().Build();
        await using var store = await StoreFactory.OpenAsync(location, mustExist: true, CancellationToken.None);
        string id;
        await using (var apiOnly = JobNode.Start(location, secret, "api-only", ("Leadwise:Jobs:Run", "false")))
        {
            id = await apiOnly.QueueAsync("/api/import", ExportUpload.From(export.Path));
        }

        var past = DateTimeOffset.UtcNow.AddMinutes(-10);
        Assert.NotNull(await store.StartJobAsync(id, new JobLease("dead-1", past.AddMinutes(1)), past, CancellationToken.None));
        Assert.NotNull(await store.StartJobAsync(id, new JobLease("dead-2", past.AddMinutes(3)), past.AddMinutes(2), CancellationToken.None));

        // When
        await using var live = JobNode.Start(location, secret, "live-node", ("Leadwise:Jobs:MaxAttempts", "2"));
        var job = await live.WaitUntilFinishedAsync(id);

        // Then: failed with the reason, nothing imported, the upload gone
        Assert.Equal(JobStates.Failed, job.GetProperty("state").GetString());
        var error = Assert.Single(job.GetProperty("errors").EnumerateArray()).GetString()!;
        Assert.Contains("started 2 times", error, StringComparison.Ordinal);
        Assert.Contains("Leadwise:Jobs:MaxAttempts is 2", error, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, job.GetProperty("result").ValueKind);
        Assert.Equal(3, (await store.FindJobAsync(id, CancellationToken.None))!.Attempts);
        Assert.Equal(new StoreCounts(0, 0, 0, 0, 0), await store.CountAsync(CancellationToken.None));
        Assert.Empty(await store.ReadAllJobFilesAsync(CancellationToken.None).ToListAsync());
    }

    /// <summary>Every data table of the store equals, checksum for checksum, what the CLI's importer wrote from the same files.</summary>
    internal static async Task AssertHoldsExactlyAsync(ILeadwiseStore expected, ILeadwiseStore store)
    {
        var comparison = await StoreChecksums.CompareAsync(expected, store, null, CancellationToken.None);
        Assert.All(
            comparison.Where(t => t.Table is not (StoreTableNames.Jobs or StoreTableNames.JobFiles or StoreTableNames.ApiKeys)),
            t => Assert.True(t.Matches, $"{t.Table}: {t.From} vs {t.To}"));
    }

    internal static IEnumerable<(string, long, long, long)> TablesOf(ImportReport report) =>
        report.Tables.Select(t => (t.FileName, t.RowsRead, t.RowsImported, t.RowsRejected));

    internal static IEnumerable<(string, long, long, long)> TablesOf(JsonElement job) =>
        job.GetProperty("result").GetProperty("tables").EnumerateArray().Select(t => (
            t.GetProperty("file").GetString()!, t.GetProperty("rowsRead").GetInt64(), t.GetProperty("rowsImported").GetInt64(), t.GetProperty("rowsRejected").GetInt64()));

    /// <summary>What <c>leadwise import</c> makes of the same files: its report and the store it wrote.</summary>
    private protected async Task<(ImportReport Report, ILeadwiseStore Store)> ImportWithCliImporterAsync(string folder)
    {
        var store = await SqliteLeadwiseStore.OpenAsync(Directory.File($"cli-{Guid.NewGuid():N}.db"), CancellationToken.None);
        var report = await new OutreachImporter(store).ImportAsync(folder, new ImportOptions(), null, CancellationToken.None);
        Assert.True(report.Committed);
        Assert.Equal(ImportEndpoints.FileParts.Count, report.Tables.Count);
        return (report, store);
    }
}

/// <summary>One node on a SQLite file: the node that died is this one before a restart.</summary>
public sealed class SqliteJobTakeOverTests : JobTakeOverTests
{
    private protected override Task<string> CreateLocationAsync() => Task.FromResult(NewSqliteLocation());
}

/// <summary>Nodes on one PostgreSQL database.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresJobTakeOverTests(PostgresServerFixture postgres) : JobTakeOverTests
{
    private protected override Task<string> CreateLocationAsync() => postgres.CreateStoreLocationAsync(CancellationToken.None);
}
