using System.Text;
using Leadwise.Core.Models;
using Leadwise.Core.Outreach;
using Leadwise.Data.Storage;
using Leadwise.Data.Tests.Support;
using Leadwise.Testing.Postgres;

namespace Leadwise.Data.Tests.Storage;

public abstract class ModelRegistryTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Trained = new(2026, 11, 20, 10, 30, 0, TimeSpan.Zero);
    private readonly StoreBackend _backend;
    private TestStore _test = null!;

    private protected ModelRegistryTests(StoreBackend backend) => _backend = backend;

    public async Task InitializeAsync() => _test = await TestStore.CreateAsync(_backend);

    public async Task DisposeAsync() => await _test.DisposeAsync();

    [SkippableFact]
    public async Task SavedModels_AreNumberedInOrder_AndReadBackWithTheirArtifacts()
    {
        var store = _test.Store;

        var first = await store.SaveModelAsync(ModelKinds.Conversion, Trained, "LightGbm AUC 0.74", """{"auc":0.74}""", Encoding.UTF8.GetBytes("first"), CancellationToken.None);
        var second = await store.SaveModelAsync(ModelKinds.Conversion, Trained.AddDays(1), "LogisticRegression AUC 0.76", """{"auc":0.76}""", Encoding.UTF8.GetBytes("second"), CancellationToken.None);

        Assert.Equal((1, 2), (first.Version, second.Version));
        var listed = new List<ModelVersion>();
        await foreach (var model in store.ReadModelsAsync(CancellationToken.None))
        {
            listed.Add(model);
        }

        Assert.Equal([first, second], listed);
        Assert.Equal(second, await store.FindModelAsync(2, CancellationToken.None));
        Assert.Null(await store.FindModelAsync(3, CancellationToken.None));
        Assert.Equal("second", Encoding.UTF8.GetString((await store.ReadModelArtifactAsync(2, CancellationToken.None))!));
        Assert.Null(await store.ReadModelArtifactAsync(3, CancellationToken.None));
    }

    [SkippableFact]
    public async Task Promotions_AreKeptAsAHistory_AndOnlyExistingVersionsOfTheKindCanBePromoted()
    {
        var store = _test.Store;
        await store.SaveModelAsync(ModelKinds.Conversion, Trained, "a", "{}", new byte[] { 1 }, CancellationToken.None);
        await store.SaveModelAsync("hazard", Trained, "b", "{}", new byte[] { 2 }, CancellationToken.None);

        await store.PromoteModelAsync(new ModelPromotion(ModelKinds.Conversion, 1, Trained), CancellationToken.None);
        var unknown = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            store.PromoteModelAsync(new ModelPromotion(ModelKinds.Conversion, 9, Trained), CancellationToken.None));
        var otherKind = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            store.PromoteModelAsync(new ModelPromotion(ModelKinds.Conversion, 2, Trained), CancellationToken.None));

        Assert.Contains("no conversion model version 9", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("version 2", otherKind.Message, StringComparison.Ordinal);
        Assert.Equal([new ModelPromotion(ModelKinds.Conversion, 1, Trained)], await store.ReadPromotionsAsync(ModelKinds.Conversion, CancellationToken.None));
        Assert.Empty(await store.ReadPromotionsAsync("hazard", CancellationToken.None));
    }

    [SkippableFact]
    public async Task AccountModels_AreSeenOnlyByTheirAccount_AndEachAccountHasItsOwnPromotionHistory()
    {
        // Given: an install-wide version and one version each of accounts 7 and 8, each promoted
        var store = _test.Store;
        var (seven, eight) = (new UserId(7), new UserId(8));
        var shared = await store.SaveModelAsync(ModelKinds.Conversion, Trained, "install-wide", "{}", new byte[] { 1 }, CancellationToken.None);
        var ofSeven = await store.SaveModelAsync(ModelKinds.Conversion, seven, Trained.AddDays(1), "of 7", "{}", new byte[] { 7 }, CancellationToken.None);
        var ofEight = await store.SaveModelAsync(ModelKinds.Conversion, eight, Trained.AddDays(2), "of 8", "{}", new byte[] { 8 }, CancellationToken.None);
        foreach (var version in new[] { shared, ofSeven, ofEight })
        {
            await store.PromoteModelAsync(new ModelPromotion(ModelKinds.Conversion, version.Version, Trained.AddDays(3 + version.Version)), CancellationToken.None);
        }

        // When
        var seenBySeven = await store.ReadModelsAsync(seven, CancellationToken.None).ToListAsync();
        var seenByAll = await store.ReadModelsAsync(account: null, CancellationToken.None).ToListAsync();

        // Then: an account sees its own and the install-wide versions; another account's version is not found
        Assert.Equal((seven, (UserId?)null), (ofSeven.Account!.Value, shared.Account));
        Assert.Equal([shared, ofSeven], seenBySeven);
        Assert.Equal([shared, ofSeven, ofEight], seenByAll);
        Assert.Equal(ofSeven, await store.FindModelAsync(ofSeven.Version, seven, CancellationToken.None));
        Assert.Equal(shared, await store.FindModelAsync(shared.Version, seven, CancellationToken.None));
        Assert.Null(await store.FindModelAsync(ofEight.Version, seven, CancellationToken.None));
        Assert.Equal(ofEight, await store.FindModelAsync(ofEight.Version, account: null, CancellationToken.None));

        // and each (kind, account) history holds only the promotions of its own versions
        Assert.Equal([shared.Version], (await store.ReadAccountPromotionsAsync(ModelKinds.Conversion, null, CancellationToken.None)).Select(p => p.Version));
        Assert.Equal([ofSeven.Version], (await store.ReadAccountPromotionsAsync(ModelKinds.Conversion, seven, CancellationToken.None)).Select(p => p.Version));
        Assert.Equal([ofEight.Version], (await store.ReadAccountPromotionsAsync(ModelKinds.Conversion, eight, CancellationToken.None)).Select(p => p.Version));
        Assert.Empty(await store.ReadAccountPromotionsAsync(ModelKinds.Conversion, new UserId(9), CancellationToken.None));
        Assert.Equal(3, (await store.ReadPromotionsAsync(ModelKinds.Conversion, CancellationToken.None)).Count);
    }

    [SkippableFact]
    public async Task WriterAddsAnAccountModel_WithItsAccount()
    {
        var store = _test.Store;
        var model = new ModelVersion(4, ModelKinds.Hazard, Trained, "copied", "{}", new UserId(42));

        await using (var writer = await store.BeginWriteAsync(StoreWriteMode.BulkLoad, CancellationToken.None))
        {
            await writer.AddModelAsync(model, new byte[] { 4 }, CancellationToken.None);
            await writer.CommitAsync(CancellationToken.None);
        }

        Assert.Equal(model, await store.FindModelAsync(4, new UserId(42), CancellationToken.None));
        Assert.Null(await store.FindModelAsync(4, new UserId(43), CancellationToken.None));
    }

    [SkippableFact]
    public async Task ModelScores_AreUpsertedPerLead_AndRolledBackWithTheirTransaction()
    {
        var store = _test.Store;
        var asOf = Trained.AddDays(2);
        await using (var writer = await store.BeginWriteAsync(StoreWriteMode.BulkLoad, CancellationToken.None))
        {
            await writer.UpsertAsync(new ModelScore(new LeadId(5), 1, 0.125, 13, "C", asOf), CancellationToken.None);
            await writer.UpsertAsync(new ModelScore(new LeadId(4), 1, 0.5, 50, "A", asOf), CancellationToken.None);
            await writer.UpsertAsync(new ModelScore(new LeadId(5), 2, 0.25, 25, "B", asOf), CancellationToken.None);
            await writer.CommitAsync(CancellationToken.None);
        }

        await using (var abandoned = await store.BeginWriteAsync(StoreWriteMode.Incremental, CancellationToken.None))
        {
            await abandoned.UpsertAsync(new ModelScore(new LeadId(4), 3, 0.9, 90, "A", asOf), CancellationToken.None);
        }

        var all = new List<ModelScore>();
        await foreach (var score in store.ReadModelScoresAsync(CancellationToken.None))
        {
            all.Add(score);
        }

        Assert.Equal([new ModelScore(new LeadId(4), 1, 0.5, 50, "A", asOf), new ModelScore(new LeadId(5), 2, 0.25, 25, "B", asOf)], all);
        Assert.Equal(all[1], await store.FindModelScoreAsync(new LeadId(5), CancellationToken.None));
        Assert.Null(await store.FindModelScoreAsync(new LeadId(6), CancellationToken.None));
    }

    [SkippableFact]
    public async Task WriterAddsModelsUnderTheirOwnNumbers_AndPromotions_OnlyWhenCommitted()
    {
        var store = _test.Store;
        var model = new ModelVersion(7, ModelKinds.Conversion, Trained, "copied", """{"auc": 0.7}""");

        await using (var abandoned = await store.BeginWriteAsync(StoreWriteMode.BulkLoad, CancellationToken.None))
        {
            await abandoned.AddModelAsync(model, new byte[] { 7 }, CancellationToken.None);
            await abandoned.AddPromotionAsync(new ModelPromotion(ModelKinds.Conversion, 7, Trained), CancellationToken.None);
        }

        Assert.Null(await store.FindModelAsync(7, CancellationToken.None));
        await using (var writer = await store.BeginWriteAsync(StoreWriteMode.BulkLoad, CancellationToken.None))
        {
            await writer.AddModelAsync(model, new byte[] { 7, 8 }, CancellationToken.None);
            await writer.AddPromotionAsync(new ModelPromotion(ModelKinds.Conversion, 7, Trained.AddHours(1)), CancellationToken.None);
            var wrongKind = await Assert.ThrowsAsync<InvalidOperationException>(() =>
                writer.AddPromotionAsync(new ModelPromotion(ModelKinds.Hazard, 7, Trained), CancellationToken.None));
            Assert.Contains("no hazard model version 7", wrongKind.Message, StringComparison.Ordinal);
            await writer.CommitAsync(CancellationToken.None);
        }

        Assert.Equal(model, await store.FindModelAsync(7, CancellationToken.None));
        Assert.Equal(new byte[] { 7, 8 }, await store.ReadModelArtifactAsync(7, CancellationToken.None));
        Assert.Equal([new ModelPromotion(ModelKinds.Conversion, 7, Trained.AddHours(1))], await store.ReadPromotionsAsync(ModelKinds.Conversion, CancellationToken.None));
        Assert.Equal(8, (await store.SaveModelAsync(ModelKinds.Conversion, Trained, "next", "{}", new byte[] { 1 }, CancellationToken.None)).Version);
    }

    [SkippableFact]
    public async Task Clear_EmptiesModelsPromotionsAndScores_AndARollbackBringsThemBack()
    {
        var store = _test.Store;
        await store.SaveModelAsync(ModelKinds.Conversion, Trained, "a", "{}", new byte[] { 1 }, CancellationToken.None);
        await store.PromoteModelAsync(new ModelPromotion(ModelKinds.Conversion, 1, Trained), CancellationToken.None);
        await using (var writer = await store.BeginWriteAsync(StoreWriteMode.Incremental, CancellationToken.None))
        {
            await writer.UpsertAsync(new ModelScore(new LeadId(4), 1, 0.5, 50, "A", Trained), CancellationToken.None);
            await writer.CommitAsync(CancellationToken.None);
        }

        await using (var abandoned = await store.BeginWriteAsync(StoreWriteMode.BulkLoad, CancellationToken.None))
        {
            await abandoned.ClearAsync(CancellationToken.None);
        }

        Assert.NotNull(await store.FindModelScoreAsync(new LeadId(4), CancellationToken.None));
        await using (var writer = await store.BeginWriteAsync(StoreWriteMode.BulkLoad, CancellationToken.None))
        {
            await writer.ClearAsync(CancellationToken.None);
            await writer.CommitAsync(CancellationToken.None);
        }

        Assert.Null(await store.FindModelAsync(1, CancellationToken.None));
        Assert.Empty(await store.ReadPromotionsAsync(ModelKinds.Conversion, CancellationToken.None));
        Assert.Null(await store.FindModelScoreAsync(new LeadId(4), CancellationToken.None));
    }
}

/// <summary>The suite on a SQLite file.</summary>
public sealed class SqliteModelRegistryTests() : ModelRegistryTests(StoreBackend.Sqlite);

/// <summary>The suite on the run's throwaway PostgreSQL server, a database per store.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresModelRegistryTests(PostgresServerFixture server) : ModelRegistryTests(StoreBackend.Postgres(server));
