using Leadwise.Core.Jobs;
using Leadwise.Core.Models;
using Leadwise.Core.Outreach;
using Leadwise.Core.Progress;
using Leadwise.Data.Storage;
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

    [SkippableFact]
    public async Task Should_StoreAJobsFilesWithIt_InChunks_AndDeleteThemWhenItFinishes()
    {
        // Given: an upload of two files, one spanning three chunks
        var store = _test.Store;
        var leads = Enumerable.Range(0, (2 * JobFileChunk.MaxBytes) + 17).Select(i => (byte)(i % 251)).ToArray();
        var users = "id,firstName\n1,Jörg\n"u8.ToArray();
        using (var leadsStream = new MemoryStream(leads))
        using (var usersStream = new MemoryStream(users))
        {
            await store.CreateJobAsync(Job.Queued("j", JobKinds.Import, Accepted, Input), [new JobFileUpload("Users.csv", usersStream), new JobFileUpload("Leads.csv", leadsStream)], CancellationToken.None);
        }

        await store.CreateJobAsync(Job.Queued("other", JobKinds.Import, Accepted, Input), [new JobFileUpload("Users.csv", new MemoryStream([]))], CancellationToken.None);

        // When
        var chunks = await store.ReadJobFilesAsync("j", CancellationToken.None).ToListAsync();
        await store.StartJobAsync("j", new JobLease("node-a", Accepted.AddMinutes(1)), Accepted, CancellationToken.None);
        var finishedByOther = await store.FinishJobAsync("j", "node-b", JobStates.Succeeded, Accepted.AddSeconds(30), "{}", [], CancellationToken.None);
        var afterRefusedFinish = await store.ReadJobFilesAsync("j", CancellationToken.None).CountAsync();
        await store.FinishJobAsync("j", "node-a", JobStates.Succeeded, Accepted.AddSeconds(30), "{}", [], CancellationToken.None);

        // Then: by name, then chunk; no chunk above the limit; the bytes come back as they went in
        Assert.Equal([("Leads.csv", 0), ("Leads.csv", 1), ("Leads.csv", 2), ("Users.csv", 0)], chunks.Select(c => (c.Name, c.Index)));
        Assert.All(chunks, chunk => Assert.True(chunk.Data.Length <= JobFileChunk.MaxBytes));
        Assert.Equal(leads, chunks.Where(c => c.Name == "Leads.csv").SelectMany(c => c.Data.ToArray()));
        Assert.Equal(users, chunks.Single(c => c.Name == "Users.csv").Data.ToArray());
        Assert.False(finishedByOther);
        Assert.Equal(4, afterRefusedFinish);
        Assert.Empty(await store.ReadJobFilesAsync("j", CancellationToken.None).ToListAsync());
        var left = Assert.Single(await store.ReadAllJobFilesAsync(CancellationToken.None).ToListAsync());
        Assert.Equal(("other", "Users.csv", 0, 0), (left.JobId, left.Name, left.Index, left.Data.Length));
    }

    [SkippableFact]
    public async Task Should_StoreNeitherTheJobNorAnyFile_WhenAnUploadCannotBeRead()
    {
        // Given: the second file fails after the first chunk
        var store = _test.Store;
        using var good = new MemoryStream(new byte[10]);
        using var broken = new FailingStream(JobFileChunk.MaxBytes + 5);

        // When
        var failure = await Assert.ThrowsAsync<IOException>(() => store.CreateJobAsync(Job.Queued("j", JobKinds.Import, Accepted, Input), [new JobFileUpload("Users.csv", good), new JobFileUpload("Leads.csv", broken)], CancellationToken.None));

        // Then
        Assert.Equal(FailingStream.Message, failure.Message);
        Assert.Null(await store.FindJobAsync("j", CancellationToken.None));
        Assert.Empty(await store.ReadAllJobFilesAsync(CancellationToken.None).ToListAsync());
    }

    [SkippableFact]
    public async Task Should_ListTheClaimableJobsOldestFirst_AndCountEveryClaim()
    {
        // Given: a finished job, one leased until 10:01, and two queued
        var store = _test.Store;
        foreach (var (id, minute) in new[] { ("done", 0), ("leased", 1), ("queued-late", 3), ("queued-early", 2) })
        {
            await store.CreateJobAsync(Job.Queued(id, JobKinds.Score, Accepted.AddMinutes(minute), "{}"), CancellationToken.None);
        }

        await store.StartJobAsync("done", new JobLease("node-a", Accepted.AddMinutes(1)), Accepted, CancellationToken.None);
        await store.FinishJobAsync("done", "node-a", JobStates.Succeeded, Accepted, "{}", [], CancellationToken.None);
        await store.StartJobAsync("leased", new JobLease("node-a", Accepted.AddMinutes(61)), Accepted.AddMinutes(1), CancellationToken.None);

        // When
        var whileLeased = await store.ReadClaimableJobIdsAsync(Accepted.AddMinutes(30), 10, CancellationToken.None);
        var afterExpiry = await store.ReadClaimableJobIdsAsync(Accepted.AddMinutes(62), 10, CancellationToken.None);
        var firstTwo = await store.ReadClaimableJobIdsAsync(Accepted.AddMinutes(62), 2, CancellationToken.None);
        var takenOver = await store.StartJobAsync("leased", new JobLease("node-b", Accepted.AddMinutes(63)), Accepted.AddMinutes(62), CancellationToken.None);
        var takenOverAgain = await store.StartJobAsync("leased", new JobLease("node-c", Accepted.AddMinutes(65)), Accepted.AddMinutes(64), CancellationToken.None);

        // Then
        Assert.Equal(["queued-early", "queued-late"], whileLeased);
        Assert.Equal(["leased", "queued-early", "queued-late"], afterExpiry);
        Assert.Equal(["leased", "queued-early"], firstTwo);
        Assert.Equal(2, takenOver!.Attempts);
        Assert.Equal(3, takenOverAgain!.Attempts);
        Assert.Equal(0, (await store.FindJobAsync("queued-early", CancellationToken.None))!.Attempts);
        Assert.Equal(1, (await store.FindJobAsync("done", CancellationToken.None))!.Attempts);
    }

    [SkippableFact]
    public async Task Should_LetExactlyOneOfManyRacingNodesClaimAJob()
    {
        // Given
        var store = _test.Store;
        await store.CreateJobAsync(Job.Queued("j", JobKinds.Import, Accepted, Input), CancellationToken.None);

        // When: eight nodes claim at once
        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(node => Task.Run(() =>
            store.StartJobAsync("j", new JobLease($"node-{node}", Accepted.AddMinutes(1)), Accepted, CancellationToken.None))));

        // Then
        var winner = Assert.Single(claims, claim => claim is not null)!;
        Assert.Equal(1, winner.Attempts);
        Assert.Equal(winner.Lease, (await store.FindJobAsync("j", CancellationToken.None))!.Lease);
    }

    /// <summary>Gives <c>bytes</c> zero bytes, then throws, as a client that drops the connection mid-upload.</summary>
    [SkippableFact]
    public async Task Should_HandARunningJobBackToTheQueue_OnlyForItsOwner_WithoutCountingTheClaim()
    {
        // Given: a job claimed twice (the first node died), now running on node-b with progress
        var store = _test.Store;
        await store.CreateJobAsync(Job.Queued("j", JobKinds.Import, Accepted, Input), CancellationToken.None);
        await store.StartJobAsync("j", new JobLease("node-a", Accepted.AddMinutes(1)), Accepted, CancellationToken.None);
        await store.StartJobAsync("j", new JobLease("node-b", Accepted.AddMinutes(3)), Accepted.AddMinutes(2), CancellationToken.None);
        await store.RenewJobAsync("j", new JobLease("node-b", Accepted.AddMinutes(4)), new ProgressUpdate("Leads.csv", 5, 10), CancellationToken.None);

        // When
        var byOther = await store.ReleaseJobAsync("j", "node-a", CancellationToken.None);
        var byOwner = await store.ReleaseJobAsync("j", "node-b", CancellationToken.None);
        var released = await store.FindJobAsync("j", CancellationToken.None);
        var claimable = await store.ReadClaimableJobIdsAsync(Accepted.AddMinutes(2), 10, CancellationToken.None);
        var again = await store.ReleaseJobAsync("j", "node-b", CancellationToken.None);

        // Then: queued as if node-b had never claimed it, claimable at once, and a second release finds nothing to release
        Assert.Equal((false, true, false), (byOther, byOwner, again));
        Assert.Equal((JobStates.Queued, null, null, null, 1), (released!.State, released.Lease, released.StartedAt, released.Progress, released.Attempts));
        Assert.Equal(["j"], claimable);
    }

    [SkippableFact]
    public async Task Should_SaveAJobsModelsWithItsResult_OnlyForTheLeaseOwner_AndOnlyOnce()
    {
        // Given: a running train job and two trained models
        var store = _test.Store;
        await store.CreateJobAsync(Job.Queued("t", JobKinds.Train, Accepted, "{}"), CancellationToken.None);
        await store.StartJobAsync("t", new JobLease("node-a", Accepted.AddMinutes(1)), Accepted, CancellationToken.None);
        NewModelVersion[] models =
        [
            new(ModelKinds.Conversion, Accepted, "conversion", """{"auc":0.7}""", new byte[] { 1, 2, 3 }),
            new(ModelKinds.Hazard, Accepted.AddSeconds(1), "hazard", """{"auc":0.6}""", new byte[] { 4 }),
        ];
        static string Result(IReadOnlyList<ModelVersion> versions) => $$"""{"versions":[{{string.Join(',', versions.Select(v => v.Version))}}]}""";

        // When
        var byOther = await store.SaveJobModelsAsync("t", "node-b", models, null, Result, CancellationToken.None);
        var byOwner = await store.SaveJobModelsAsync("t", "node-a", models, Accepted.AddSeconds(2), Result, CancellationToken.None);
        var second = await store.SaveJobModelsAsync("t", "node-a", models, null, Result, CancellationToken.None);

        // Then: the refused saves left nothing (the versions are numbered on as if they never happened); the owner's are
        // in the registry, promoted, and on the job, which still runs
        Assert.Null(byOther);
        Assert.Null(second);
        Assert.Equal([(1, ModelKinds.Conversion), (2, ModelKinds.Hazard)], byOwner!.Select(v => (v.Version, v.Kind)));
        Assert.Equal([1, 2], await store.ReadModelsAsync(CancellationToken.None).Select(v => v.Version).ToListAsync());
        Assert.Equal(new byte[] { 4 }, await store.ReadModelArtifactAsync(2, CancellationToken.None));
        Assert.Equal(1, Assert.Single(await store.ReadPromotionsAsync(ModelKinds.Conversion, CancellationToken.None)).Version);
        Assert.Equal(2, Assert.Single(await store.ReadPromotionsAsync(ModelKinds.Hazard, CancellationToken.None)).Version);
        var job = await store.FindJobAsync("t", CancellationToken.None);
        Assert.Equal(JobStates.Running, job!.State);
        Assert.Equal(new[] { 1, 2 }, System.Text.Json.JsonDocument.Parse(job.ResultJson!).RootElement.GetProperty("versions").EnumerateArray().Select(v => v.GetInt32()));
    }

    [SkippableFact]
    public async Task Should_SaveAJobsModelsForAnAccount_AsThatAccountsOwn_PromotedInItsHistoryAlone()
    {
        // Given: a running train job for one account, with its two trained models
        var store = _test.Store;
        var account = new UserId(480_000_567);
        await store.CreateJobAsync(Job.Queued("t", JobKinds.Train, Accepted, "{}"), CancellationToken.None);
        await store.StartJobAsync("t", new JobLease("node-a", Accepted.AddMinutes(1)), Accepted, CancellationToken.None);
        NewModelVersion[] models =
        [
            new(ModelKinds.Conversion, Accepted, "conversion", """{"auc":0.7}""", new byte[] { 1 }, account),
            new(ModelKinds.Hazard, Accepted, "hazard", """{"auc":0.6}""", new byte[] { 2 }, account),
        ];

        // When
        var saved = await store.SaveJobModelsAsync("t", "node-a", models, Accepted.AddSeconds(2), _ => "{}", CancellationToken.None);

        // Then: both versions are the account's, read back as such, promoted in the account's history and not install-wide
        Assert.Equal([account, account], saved!.Select(v => v.Account));
        Assert.Equal([account, account], await store.ReadModelsAsync(CancellationToken.None).Select(v => v.Account).ToListAsync());
        Assert.Equal(1, Assert.Single(await store.ReadAccountPromotionsAsync(ModelKinds.Conversion, account, CancellationToken.None)).Version);
        Assert.Equal(2, Assert.Single(await store.ReadAccountPromotionsAsync(ModelKinds.Hazard, account, CancellationToken.None)).Version);
        Assert.Empty(await store.ReadAccountPromotionsAsync(ModelKinds.Conversion, null, CancellationToken.None));
        Assert.Empty(await store.ReadModelsAsync(new UserId(1), CancellationToken.None).ToListAsync());
    }

    private sealed class FailingStream(int bytes) : Stream
    {
        public const string Message = "The upload broke off.";
        private int _left = bytes;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_left == 0)
            {
                throw new IOException(Message);
            }

            var n = Math.Min(count, _left);
            Array.Clear(buffer, offset, n);
            _left -= n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

/// <summary>The suite on a SQLite file.</summary>
public sealed class SqliteJobStoreTests() : JobStoreTests(StoreBackend.Sqlite);

/// <summary>The suite on the run's throwaway PostgreSQL server, a database per store.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresJobStoreTests(PostgresServerFixture server) : JobStoreTests(StoreBackend.Postgres(server));
