using Microsoft.Extensions.Time.Testing;

namespace Leadwise.Server.Tests;

public sealed class RefreshingTests
{
    [Fact]
    public async Task ServesTheReadValueUntilTheIntervalPasses_ThenRefreshesWithTheCurrentValue()
    {
        var time = new FakeTimeProvider();
        var reads = new List<string?>();
        var refreshing = new Refreshing<string>(time, TimeSpan.FromSeconds(5), (current, _) =>
        {
            reads.Add(current);
            return Task.FromResult<string?>($"value {reads.Count}");
        });

        var first = await refreshing.GetAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(4));
        var cached = await refreshing.GetAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(1));
        var refreshed = await refreshing.GetAsync(CancellationToken.None);

        Assert.Equal(("value 1", "value 1", "value 2"), (first, cached, refreshed));
        Assert.Equal([null, "value 1"], reads);
    }

    [Fact]
    public async Task ConcurrentRequests_RefreshOnce()
    {
        var time = new FakeTimeProvider();
        var refreshes = 0;
        var gate = new TaskCompletionSource();
        var refreshing = new Refreshing<string>(time, TimeSpan.FromSeconds(5), async (_, _) =>
        {
            Interlocked.Increment(ref refreshes);
            await gate.Task;
            return "loaded";
        });

        var requests = Enumerable.Range(0, 8).Select(_ => refreshing.GetAsync(CancellationToken.None)).ToList();
        gate.SetResult();
        var values = await Task.WhenAll(requests);

        Assert.All(values, v => Assert.Equal("loaded", v));
        Assert.Equal(1, refreshes);
    }

    [Fact]
    public async Task WhileOneRequestRefreshes_TheOthersAreAnsweredAtOnce_WithTheValueAlreadyRead()
    {
        // Given a value read once, and a refresh after the interval that waits on the store
        var time = new FakeTimeProvider();
        var gate = new TaskCompletionSource();
        var loads = 0;
        var refreshing = new Refreshing<string>(time, TimeSpan.FromSeconds(5), async (_, _) =>
        {
            if (Interlocked.Increment(ref loads) > 1)
            {
                await gate.Task;
            }

            return $"value {loads}";
        });
        await refreshing.GetAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(5));

        // When one request refreshes and others arrive meanwhile
        var refresher = refreshing.GetAsync(CancellationToken.None);
        var others = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => refreshing.GetAsync(CancellationToken.None)));

        // Then they did not wait for it; the refresher gets the new value, and so does everyone after it
        Assert.False(refresher.IsCompleted);
        Assert.All(others, value => Assert.Equal("value 1", value));
        gate.SetResult();
        Assert.Equal("value 2", await refresher);
        Assert.Equal("value 2", await refreshing.GetAsync(CancellationToken.None));
        Assert.Equal(2, loads);
    }

    [Fact]
    public async Task Expire_RefreshesAtTheNextRead_WithTheCurrentValue()
    {
        var time = new FakeTimeProvider();
        var reads = new List<string?>();
        var refreshing = new Refreshing<string>(time, TimeSpan.FromSeconds(5), (current, _) =>
        {
            reads.Add(current);
            return Task.FromResult<string?>($"value {reads.Count}");
        });

        var first = await refreshing.GetAsync(CancellationToken.None);
        refreshing.Expire();
        var refreshed = await refreshing.GetAsync(CancellationToken.None);
        var cached = await refreshing.GetAsync(CancellationToken.None);

        Assert.Equal(("value 1", "value 2", "value 2"), (first, refreshed, cached));
        Assert.Equal([null, "value 1"], reads);
    }
}
