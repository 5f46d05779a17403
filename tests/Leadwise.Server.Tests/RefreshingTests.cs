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
