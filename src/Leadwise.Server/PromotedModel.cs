using Leadwise.Core.Outreach;
using Leadwise.Learning.Model;
using Leadwise.Learning.Registry;
using Microsoft.Extensions.Options;

namespace Leadwise.Server;

/// <summary>
/// The promoted conversion models, loaded once and swapped when another version is promoted: the install-wide one and
/// each account's own (<c>leadwise train --account</c>). The registry is asked at most once per
/// <see cref="ModelRecheckOptions.Interval"/>, not per request; an unchanged version keeps the loaded model. The
/// registry is read through the read store (a replica when there is one).
/// </summary>
internal sealed class PromotedModel(ReadStore reads, TimeProvider time, IOptions<ModelRecheckOptions> options)
{
    private readonly Refreshing<ServedModels<ConversionModel>> _current = new(time, options.Value.Interval, async (current, cancellationToken) =>
        await new ConversionModelRegistry(reads.Store, time).LoadServedAsync(current, cancellationToken).ConfigureAwait(false));

    /// <summary>The install-wide promoted model.</summary>
    public Task<PromotedConversionModel?> GetAsync(CancellationToken cancellationToken) => GetAsync(null, cancellationToken);

    /// <summary>The model a lead of <paramref name="account"/> is scored with: the account's own promoted model, else the install-wide one.</summary>
    public async Task<PromotedConversionModel?> GetAsync(UserId? account, CancellationToken cancellationToken) =>
        (await _current.GetAsync(cancellationToken).ConfigureAwait(false))?.For(account) is { } served
            ? new PromotedConversionModel(served.Version, served.Model)
            : null;

    /// <summary>Asks the registry again at the next request rather than after the interval: a promotion was just made here.</summary>
    public void Expire() => _current.Expire();
}

/// <summary>The promoted conversion model and its registry version.</summary>
internal sealed record PromotedConversionModel(int Version, ConversionModel Model);
