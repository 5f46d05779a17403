using Leadwise.Core.Models;
using Leadwise.Core.Progress;
using Leadwise.Data.Postgres;
using Leadwise.Data.Storage;
using Leadwise.Data.Tests.Support;
using Leadwise.Data.Transfer;
using Leadwise.Testing.Postgres;

namespace Leadwise.Data.Tests.Transfer;

/// <summary><c>leadwise db copy</c>'s library: every table, all-or-nothing, refusing a non-empty target, verified by checksums; for each pair of backends.</summary>
public abstract class StoreCopierTests : IAsyncLifetime
{
    private readonly StoreBackend _fromBackend;
    private readonly StoreBackend _toBackend;
    private TestStore _from = null!;
    private TestStore _to = null!;

    private protected StoreCopierTests(StoreBackend from, StoreBackend to) => (_fromBackend, _toBackend) = (from, to);

    public async Task InitializeAsync()
    {
        _from = await TestStore.CreateAsync(_fromBackend);
        _to = await TestStore.CreateAsync(_toBackend);
    }

    public async Task DisposeAsync()
    {
        await _from.DisposeAsync();
        await _to.DisposeAsync();
    }

    [SkippableFact]
    public async Task Copy_StoreWithEveryTableFilled_WritesEveryRow_AndEveryChecksumMatches()
    {
        // Given
        await FilledStore.FillEveryTableAsync(_from);
        var sourceRows = await FilledStore.CountRowsAsync(_from);
        Assert.All(sourceRows, table => Assert.True(table.Rows > 0, $"the source's {table.Table} is empty, so the test would not show it is copied"));
        var progress = new List<ProgressUpdate>();

        // When
        var copied = await new StoreCopier(_from.Store, _to.Store).CopyAsync(replace: false, new Collect(progress), CancellationToken.None);
        var comparison = await StoreChecksums.CompareAsync(_from.Store, _to.Store, progress: null, CancellationToken.None);

        // Then: plain SQL sees the same number of rows in every table, and so do the checksums
        Assert.Equal(sourceRows, await FilledStore.CountRowsAsync(_to));
        Assert.Equal(sourceRows.Select(t => (t.Table, t.Rows)), copied.Select(c => (c.Table, c.Rows)));
        Assert.Equal(StoreTableNames.All, comparison.Select(c => c.Table));
        Assert.All(comparison, table => Assert.True(table.Matches, $"{table.Table}: {table.From} vs {table.To}"));
        Assert.All(comparison, table => Assert.Matches("^[0-9a-f]{64}$", table.To.Sha256));
        (await _to.ReadAllAsync()).AssertSameRowsAs(await _from.ReadAllAsync());
        Assert.Equal(await _from.Store.ReadPromotionsAsync(ModelKinds.Conversion, CancellationToken.None), await _to.Store.ReadPromotionsAsync(ModelKinds.Conversion, CancellationToken.None));
        Assert.Equal(await _from.Store.ReadModelArtifactAsync(3, CancellationToken.None), await _to.Store.ReadModelArtifactAsync(3, CancellationToken.None));
        var models = await _to.Store.ReadModelsAsync(CancellationToken.None).ToListAsync();
        Assert.Equal(await _from.Store.ReadModelsAsync(CancellationToken.None).ToListAsync(), models);
        var accountModel = Assert.Single(models, m => m.Account is not null);
        Assert.Equal([accountModel.Version], (await _to.Store.ReadAccountPromotionsAsync(ModelKinds.Conversion, accountModel.Account, CancellationToken.None)).Select(p => p.Version));
        Assert.Equal("Ana Müller", (await _to.Store.ReadLeadsAsync(CancellationToken.None).FirstAsync()).Extra["crm_owner"]);
        Assert.Contains(progress, update => update.Stage == "Copy leads" && update.Done == update.Total && update.Done > 0);

        // API keys keep their ids, hashes, account and revocation, and a key created afterwards is numbered after them.
        var keys = await _from.Store.ReadStoredApiKeysAsync(CancellationToken.None).ToListAsync();
        var copiedKeys = await _to.Store.ReadStoredApiKeysAsync(CancellationToken.None).ToListAsync();
        Assert.Equal(keys.Select(k => (k.Key, Convert.ToHexString(k.SecretHash.Span))), copiedKeys.Select(k => (k.Key, Convert.ToHexString(k.SecretHash.Span))));
        var next = await _to.Store.CreateApiKeyAsync("after the copy", null, DateTimeOffset.UnixEpoch, Leadwise.Core.Access.ApiKeySecret.Hash(Leadwise.Core.Access.ApiKeySecret.Generate()), CancellationToken.None);
        Assert.True(next.Id > keys.Max(k => k.Key.Id));
        Assert.Contains(copiedKeys, k => k.Key.Account is not null);

        // Jobs keep every column: state, progress, result, the error lines and the running job's lease.
        var jobs = await _from.Store.ReadJobsAsync(CancellationToken.None).ToListAsync();
        var copiedJobs = await _to.Store.ReadJobsAsync(CancellationToken.None).ToListAsync();
        Assert.Equal(jobs.Select(j => j with { Errors = [] }), copiedJobs.Select(j => j with { Errors = [] }));
        Assert.Equal(jobs.Select(j => string.Join("\n", j.Errors)), copiedJobs.Select(j => string.Join("\n", j.Errors)));
        Assert.Contains(copiedJobs, job => job.Lease is { Owner: "node-a" } && job.Progress is { Stage: "Leads.csv", Done: 1_234 });
    }

    [SkippableFact]
    public async Task Copy_IntoANonEmptyTarget_IsRefused_AndLeavesItUntouched()
    {
        // Given
        await FilledStore.FillEveryTableAsync(_from, leads: 60);
        await _to.Store.SaveModelAsync(ModelKinds.Conversion, DateTimeOffset.UnixEpoch, "only a model", "{}", new byte[] { 9 }, CancellationToken.None);
        var before = await StoreChecksums.ComputeAsync(_to.Store, progress: null, CancellationToken.None);

        // When
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            new StoreCopier(_from.Store, _to.Store).CopyAsync(replace: false, progress: null, CancellationToken.None));

        // Then
        Assert.Contains("is not empty", refused.Message, StringComparison.Ordinal);
        Assert.False(await StoreCopier.IsEmptyAsync(_to.Store, CancellationToken.None));
        Assert.Equal(before, await StoreChecksums.ComputeAsync(_to.Store, progress: null, CancellationToken.None));
    }

    [SkippableFact]
    public async Task Copy_WithReplace_DropsWhatTheTargetHeld_AndAStoppedCopyKeepsItInstead()
    {
        // Given: a target holding rows of its own
        await FilledStore.FillEveryTableAsync(_from, leads: 60);
        await FilledStore.FillEveryTableAsync(_to, leads: 40);
        var targetBefore = await StoreChecksums.ComputeAsync(_to.Store, progress: null, CancellationToken.None);
        using var stop = new CancellationTokenSource();

        // When: one copy stopped after the snapshots (the target transaction is rolled back), then one run to the end
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new StoreCopier(_from.Store, _to.Store).CopyAsync(
            replace: true,
            new Collect([], update => { if (update.Stage == $"Copy {StoreTableNames.Snapshots}" && update.Done == update.Total) { stop.Cancel(); } }),
            stop.Token));
        var afterStopped = await StoreChecksums.ComputeAsync(_to.Store, progress: null, CancellationToken.None);
        await new StoreCopier(_from.Store, _to.Store).CopyAsync(replace: true, progress: null, CancellationToken.None);

        // Then
        Assert.Equal(targetBefore, afterStopped);
        Assert.All(await StoreChecksums.CompareAsync(_from.Store, _to.Store, progress: null, CancellationToken.None), table => Assert.True(table.Matches, table.Table));
        Assert.Equal(await FilledStore.CountRowsAsync(_from), await FilledStore.CountRowsAsync(_to));
    }

    [SkippableFact]
    public async Task Compare_AfterOneLeadChangedInTheTarget_ReportsTheLeadsTableOnly()
    {
        // Given
        await FilledStore.FillEveryTableAsync(_from, leads: 60);
        await new StoreCopier(_from.Store, _to.Store).CopyAsync(replace: false, progress: null, CancellationToken.None);
        var lead = await _to.Store.ReadLeadsAsync(CancellationToken.None).FirstAsync();
        await using (var writer = await _to.Store.BeginWriteAsync(StoreWriteMode.Incremental, CancellationToken.None))
        {
            await writer.UpsertAsync(lead with { Title = lead.Title + " (edited)" }, CancellationToken.None);
            await writer.CommitAsync(CancellationToken.None);
        }

        // When
        var comparison = await StoreChecksums.CompareAsync(_from.Store, _to.Store, progress: null, CancellationToken.None);

        // Then: same row count, different checksum, and nothing else differs
        var leads = Assert.Single(comparison, table => !table.Matches);
        Assert.Equal(StoreTableNames.Leads, leads.Table);
        Assert.Equal(leads.From.Rows, leads.To.Rows);
        Assert.NotEqual(leads.From.Sha256, leads.To.Sha256);
    }

    [SkippableFact]
    public async Task StoreTableNames_ListEveryTableTheSchemaHas()
    {
        // A table added by a later migration step and missing from StoreTableNames.All would not be copied: fail here instead.
        var tables = await FilledStore.ReadTableNamesAsync(_from);

        Assert.Equal(
            StoreTableNames.All.Order(StringComparer.Ordinal),
            tables.Where(table => table != PostgresMigrations.VersionTable));
    }

    private sealed class Collect(List<ProgressUpdate> updates, Action<ProgressUpdate>? then = null) : IProgress<ProgressUpdate>
    {
        public void Report(ProgressUpdate value)
        {
            updates.Add(value);
            then?.Invoke(value);
        }
    }
}

public sealed class SqliteToSqliteStoreCopierTests() : StoreCopierTests(StoreBackend.Sqlite, StoreBackend.Sqlite);

[Collection(PostgresCollection.Name)]
public sealed class SqliteToPostgresStoreCopierTests(PostgresServerFixture server) : StoreCopierTests(StoreBackend.Sqlite, StoreBackend.Postgres(server));

[Collection(PostgresCollection.Name)]
public sealed class PostgresToSqliteStoreCopierTests(PostgresServerFixture server) : StoreCopierTests(StoreBackend.Postgres(server), StoreBackend.Sqlite);

[Collection(PostgresCollection.Name)]
public sealed class PostgresToPostgresStoreCopierTests(PostgresServerFixture server) : StoreCopierTests(StoreBackend.Postgres(server), StoreBackend.Postgres(server));
