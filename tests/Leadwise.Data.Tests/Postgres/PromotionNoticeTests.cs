using System.Text;
using System.Threading.Channels;
using Leadwise.Core.Models;
using Leadwise.Data.Postgres;
using Leadwise.Data.Tests.Support;
using Leadwise.Testing.Postgres;

namespace Leadwise.Data.Tests.Postgres;

/// <summary>
/// A promotion announces itself with NOTIFY when it commits: a listener of the same store hears its kind and version,
/// a failed promotion announces nothing, and a store in another schema of the same database is not heard.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PromotionNoticeTests(PostgresServerFixture server)
{
    [SkippableFact]
    public async Task APromotion_IsHeardByTheStoresListener_AFailedOneAndAnotherStoresAreNot()
    {
        // Given: two stores in one database (a schema each), a model version in each, and a listener on the first
        await using var store = await PostgresLeadwiseStore.OpenAsync(await server.CreateStoreLocationAsync(CancellationToken.None), CancellationToken.None);
        await using var other = await PostgresLeadwiseStore.OpenAsync(await server.CreateStoreLocationAsync(CancellationToken.None), CancellationToken.None);
        var version = (await store.SaveModelAsync(ModelKinds.Conversion, DateTimeOffset.UnixEpoch, "first", "{}", Encoding.UTF8.GetBytes("m"), CancellationToken.None)).Version;
        var otherVersion = (await other.SaveModelAsync(ModelKinds.Hazard, DateTimeOffset.UnixEpoch, "other", "{}", Encoding.UTF8.GetBytes("h"), CancellationToken.None)).Version;
        var heard = Channel.CreateUnbounded<ModelPromotionNotice>();
        var listening = new TaskCompletionSource();
        using var stop = new CancellationTokenSource();
        var listener = store.ListenForPromotionsAsync(
            _ => { listening.TrySetResult(); return Task.CompletedTask; },
            (notice, _) => heard.Writer.WriteAsync(notice).AsTask(),
            stop.Token);
        await listening.Task.WaitAsync(TimeSpan.FromSeconds(30));

        // When: a promotion of a version that does not exist (refused), one in the other store, then a real one
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.PromoteModelAsync(new ModelPromotion(ModelKinds.Conversion, version + 100, DateTimeOffset.UtcNow), CancellationToken.None));
        await other.PromoteModelAsync(new ModelPromotion(ModelKinds.Hazard, otherVersion, DateTimeOffset.UtcNow), CancellationToken.None);
        await store.PromoteModelAsync(new ModelPromotion(ModelKinds.Conversion, version, DateTimeOffset.UtcNow), CancellationToken.None);

        // Then: only the real one is heard (notifications arrive in commit order, so nothing earlier is still on its way)
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        Assert.Equal(new ModelPromotionNotice(ModelKinds.Conversion, version), await heard.Reader.ReadAsync(timeout.Token));
        Assert.False(heard.Reader.TryRead(out var more), $"Also heard {more}");
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => listener);
    }
}
