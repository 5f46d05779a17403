using Leadwise.Learning.Model;
using Leadwise.Learning.Registry;
using Microsoft.Extensions.Options;

namespace Leadwise.Server;

/// <summary>
/// The promoted conversion model, loaded once and swapped when another version is promoted. The registry is
/// asked at most once per <see cref="ModelRecheckOptions.Interval"/>, not per request; an unchanged version
/// keeps the loaded model. The registry is read through the read store (a replica when there is one).
/// </summary>
internal sealed class PromotedModel(ReadStore reads, TimeProvider time, IOptions<ModelRecheckOptions> options)
{
    private readonly Refreshing<PromotedConversionModel> _current = new(time, options.Value.Interval, async (current, cancellationToken) =>
    {
        var registry = new ConversionModelRegistry(reads.Store, time);
        var version = (await registry.HistoryAsync(cancellationToken).ConfigureAwait(false)).Current;
        return version is null ? null
            : current?.Version == version ? current
            : new PromotedConversionModel(version.Value, await registry.LoadAsync(version.Value, cancellationToken).ConfigureAwait(false));
    });

    public Task<PromotedConversionModel?> GetAsync(CancellationToken cancellationToken) => _current.GetAsync(cancellationToken);

    /// <summary>Asks the registry again at the next request rather than after the interval: a promotion was just made here.</summary>
    public void Expire() => _current.Expire();
}

/// <summary>The promoted conversion model and its registry version.</summary>
internal sealed record PromotedConversionModel(int Version, ConversionModel Model);
