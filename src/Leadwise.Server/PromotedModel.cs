using Leadwise.Data.Storage;
using Leadwise.Learning.Model;
using Leadwise.Learning.Registry;

namespace Leadwise.Server;

/// <summary>
/// The promoted conversion model, loaded once and swapped when another version is promoted: requests read
/// the current reference, so a promotion never drops a request. The registry is asked at most every few
/// seconds, not per request.
/// </summary>
internal sealed class PromotedModel(ILeadwiseStore store, TimeProvider time)
{
    private static readonly TimeSpan RecheckAfter = TimeSpan.FromSeconds(5);
    private readonly SemaphoreSlim _loading = new(1, 1);
    private (int Version, ConversionModel Model)? _current;
    private DateTimeOffset _checkedAt = DateTimeOffset.MinValue;

    public async Task<(int Version, ConversionModel Model)?> GetAsync(CancellationToken cancellationToken)
    {
        if (time.GetUtcNow() - _checkedAt < RecheckAfter)
        {
            return _current;
        }

        await _loading.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (time.GetUtcNow() - _checkedAt < RecheckAfter)
            {
                return _current;
            }

            var registry = new ConversionModelRegistry(store, time);
            var version = (await registry.HistoryAsync(cancellationToken).ConfigureAwait(false)).Current;
            if (version is null)
            {
                _current = null;
            }
            else if (_current?.Version != version)
            {
                _current = (version.Value, await registry.LoadAsync(version.Value, cancellationToken).ConfigureAwait(false));
            }

            _checkedAt = time.GetUtcNow();
            return _current;
        }
        finally
        {
            _loading.Release();
        }
    }
}
