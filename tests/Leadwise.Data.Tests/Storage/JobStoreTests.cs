using Leadwise.Core.Jobs;
using Leadwise.Core.Progress;
using Leadwise.Data.Tests.Support;
using Leadwise.Testing.Postgres;

namespace Leadwise.Data.Tests.Storage;

/// <summary>The web API's job rows: queued → claimed under a lease → progress → finished, and only the lease owner writes.</summary>
public abstract class JobStoreTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Accepted = new(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);
    private const string Input = """{"skipBadRows":false,"maxErrors":100}""";
    private readonly StoreBackend _backend;
    private TestStore _test = null!;

    private protected JobStoreTests(StoreBackend backend) => _backend = backend;

    public async Task InitializeAsync() => _test = await TestStore.CreateAsync(_backend);

    public async Task DisposeAsync() => await _test.DisposeAsync();

    [SkippableFact]
    public async Task Should_ReadBackAQueuedJob_AndRefuseASecondJobWithItsId()
    {
        // Given
        var store = _test.Store;
        var job = Job.Queued("a1", JobKinds.Import, Accepted.AddTicks(7), Input);

        // When
        await store.CreateJobAsync(job, CancellationToken.None);
        var duplicate = await Assert.ThrowsAsync<InvalidOperationException>(() => store.CreateJobAsync(job, CancellationToken.None));

        // Then: times are kept to the microsecond, as every store timestamp
        var found = await store.FindJobAsync("a1", CancellationToken.None);
        Assert.Equal(job with { CreatedAt = Accepted, Errors = found!.Errors }, found);
        Assert.Empty(found.Errors);
        Assert.Equal(JobStates.Queued, found.State);
        Assert.Contains("a1", duplicate.Message, StringComparison.Ordinal);
        Assert.Null(await store.FindJobAsync("a2", CancellationToken.None));
    }

    [SkippableFact]
    public async Task Should_LetOneNodeClaimAJob_RecordItsProgress_AndFinishIt()
    {
        // Given
        var store = _test.Store;
        await store.CreateJobAsync(Job.Queued("j", JobKinds.Import, Accepted, Input), CancellationToken.None);
        var leaseA = new JobLease("node-a", Accepted.AddMinutes(1));
        var leaseB = new JobLease("node-b", Accepted.AddMinutes(1));

        // When
        var claimed = await store.StartJobAsync("j", leaseA, Accepted.AddSeconds(1), CancellationToken.None);
        var claimedAgain = await store.StartJobAsync("j", leaseB, Accepted.AddSeconds(2), CancellationToken.None);
        var renewed = await store.RenewJobAsync("j", leaseA with { ExpiresAt = Accepted.AddMinutes(2) }, new ProgressUpdate("Leads.csv", 500, 2_000), CancellationToken.None);
        var renewedByOther = await store.RenewJobAsync("j", leaseB, new ProgressUpdate("Records.csv", 1, 1), CancellationToken.None);
        var whileRunning = await store.FindJobAsync("j", CancellationToken.None);
        var finishedByOther = await store.FinishJobAsync("j", "node-b", JobStates.Succeeded, Accepted.AddMinutes(1), "{}", [], CancellationToken.None);
        var finished = await store.FinishJobAsync("j", "node-a", JobStates.Failed, Accepted.AddMinutes(1), """{"committed":false}""", ["Leads.csv:2:190: column \"replied\": expected t or f, got \"yes\""], CancellationToken.None);
        var renewedAfter = await store.RenewJobAsync("j", leaseA, null, CancellationToken.None);

        // Then
        Assert.Equal(JobStates.Running, claimed!.State);
        Assert.Equal(Accepted.AddSeconds(1), claimed.StartedAt);
        Assert.Equal(leaseA, claimed.Lease);
        Assert.Null(claimedAgain);
        Assert.True(renewed);
        Assert.False(renewedByOther);
        Assert.Equal(new ProgressUpdate("Leads.csv", 500, 2_000), whileRunning!.Progress);
        Assert.Equal(new JobLease("node-a", Accepted.AddMinutes(2)), whileRunning.Lease);
        Assert.False(finishedByOther);
        Assert.True(finished);
        Assert.False(renewedAfter);
        var done = (await store.FindJobAsync("j", CancellationToken.None))!;
        Assert.Equal(JobStates.Failed, done.State);
        Assert.Equal(Accepted.AddMinutes(1), done.FinishedAt);
        Assert.Null(done.Lease);
        Assert.Equal("""{"committed":false}""", done.ResultJson);
        Assert.Equal(["Leads.csv:2:190: column \"replied\": expected t or f, got \"yes\""], done.Errors);
        Assert.Equal(new ProgressUpdate("Leads.csv", 500, 2_000), done.Progress);
        Assert.Null(await store.StartJobAsync("j", leaseB, Accepted.AddHours(1), CancellationToken.None));
    }

    [SkippableFact]
    public async Task Should_LetAnotherNodeTakeOverARunningJob_OnlyOnceItsLeaseHasExpired()
    {
        // Given: node A claimed the job and stopped renewing its lease
        var store = _test.Store;
        await store.CreateJobAsync(Job.Queued("j", JobKinds.Import, Accepted, Input), CancellationToken.None);
        await store.StartJobAsync("j", new JobLease("node-a", Accepted.AddMinutes(1)), Accepted, CancellationToken.None);

        // When
        var beforeExpiry = await store.StartJobAsync("j", new JobLease("node-b", Accepted.AddMinutes(3)), Accepted.AddSeconds(59), CancellationToken.None);
        var afterExpiry = await store.StartJobAsync("j", new JobLease("node-b", Accepted.AddMinutes(3)), Accepted.AddMinutes(2), CancellationToken.None);
        var oldOwnerRenews = await store.RenewJobAsync("j", new JobLease("node-a", Accepted.AddMinutes(4)), null, CancellationToken.None);

        // Then
        Assert.Null(beforeExpiry);
        Assert.Equal(new JobLease("node-b", Accepted.AddMinutes(3)), afterExpiry!.Lease);
        Assert.Equal(Accepted.AddMinutes(2), afterExpiry.StartedAt);
        Assert.False(oldOwnerRenews);
    }

    [SkippableFact]
    public async Task Should_ListJobsOldestFirst_AndRefuseToFinishAsRunning()
    {
        // Given
        var store = _test.Store;
        await store.CreateJobAsync(Job.Queued("b", JobKinds.Import, Accepted.AddMinutes(1), Input), CancellationToken.None);
        await store.CreateJobAsync(Job.Queued("c", JobKinds.Import, Accepted, Input), CancellationToken.None);
        await store.CreateJobAsync(Job.Queued("a", JobKinds.Import, Accepted.AddMinutes(1), Input), CancellationToken.None);
        await store.StartJobAsync("a", new JobLease("node-a", Accepted.AddMinutes(5)), Accepted.AddMinutes(2), CancellationToken.None);

        // When
        var ids = await store.ReadJobsAsync(CancellationToken.None).Select(job => job.Id).ToListAsync();
        var refused = await Assert.ThrowsAsync<ArgumentException>(() => store.FinishJobAsync("a", "node-a", JobStates.Running, Accepted, null, [], CancellationToken.None));

        // Then
        Assert.Equal(["c", "a", "b"], ids);
        Assert.Contains("succeeded or failed", refused.Message, StringComparison.Ordinal);
        Assert.Equal(JobStates.Running, (await store.FindJobAsync("a", CancellationToken.None))!.State);
    }
}

/// <summary>The suite on a SQLite file.</summary>
public sealed class SqliteJobStoreTests() : JobStoreTests(StoreBackend.Sqlite);

/// <summary>The suite on the run's throwaway PostgreSQL server, a database per store.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresJobStoreTests(PostgresServerFixture server) : JobStoreTests(StoreBackend.Postgres(server));
