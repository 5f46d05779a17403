using System.Globalization;
using System.Text.Json;
using Leadwise.Core.Models;
using Leadwise.Data.Storage;
using Leadwise.Learning.Model;

namespace Leadwise.Learning.Registry;

/// <summary>
/// Conversion models as numbered versions in the store: save, list, load, promote, roll back. Scoring
/// uses the promoted version; promotion and rollback are recorded, never rewritten (see <see cref="PromotionHistory"/>).
/// </summary>
public sealed class ConversionModelRegistry(ILeadwiseStore store, TimeProvider time)
{
    public async Task<ModelVersion> SaveAsync(ConversionModel model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        return await store.SaveModelAsync(
            ModelKinds.Conversion,
            model.Card.TrainedAt,
            model.Card.Summary,
            JsonSerializer.Serialize(model.Card, ConversionModel.Json),
            model.ToBytes(),
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ModelVersion>> ListAsync(CancellationToken cancellationToken)
    {
        var versions = new List<ModelVersion>();
        await foreach (var version in store.ReadModelsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (version.Kind == ModelKinds.Conversion)
            {
                versions.Add(version);
            }
        }

        return versions;
    }

    public async Task<PromotionHistory> HistoryAsync(CancellationToken cancellationToken) =>
        new(await store.ReadPromotionsAsync(ModelKinds.Conversion, cancellationToken).ConfigureAwait(false));

    /// <summary>The card of a version, read from its metadata without loading the model.</summary>
    public static ConversionModelCard ReadCard(ModelVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return JsonSerializer.Deserialize<ConversionModelCard>(version.MetadataJson, ConversionModel.Json)
            ?? throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"Model version {version.Version} has no card."));
    }

    public async Task<ConversionModel> LoadAsync(int version, CancellationToken cancellationToken)
    {
        var found = await store.FindModelAsync(version, cancellationToken).ConfigureAwait(false);
        if (found is null || found.Kind != ModelKinds.Conversion)
        {
            throw new ModelRegistryException(string.Create(CultureInfo.InvariantCulture, $"There is no conversion model version {version}; `leadwise models list` shows the versions."));
        }

        var bytes = await store.ReadModelArtifactAsync(version, cancellationToken).ConfigureAwait(false)
            ?? throw new ModelRegistryException(string.Create(CultureInfo.InvariantCulture, $"Model version {version} has no artifact."));
        try
        {
            return ConversionModel.FromBytes(bytes);
        }
        catch (Exception exception) when (exception is JsonException or InvalidDataException or EndOfStreamException or FormatException)
        {
            throw new ModelRegistryException(string.Create(CultureInfo.InvariantCulture,
                $"Model version {version} cannot be read by this version of Leadwise ({exception.Message}); train a new one with `leadwise train`."));
        }
    }

    /// <summary>The promoted model and its version, or null when none was promoted yet.</summary>
    public async Task<(int Version, ConversionModel Model)?> LoadPromotedAsync(CancellationToken cancellationToken)
    {
        if ((await HistoryAsync(cancellationToken).ConfigureAwait(false)).Current is not { } version)
        {
            return null;
        }

        return (version, await LoadAsync(version, cancellationToken).ConfigureAwait(false));
    }

    public async Task PromoteAsync(int version, CancellationToken cancellationToken)
    {
        var found = await store.FindModelAsync(version, cancellationToken).ConfigureAwait(false);
        if (found is null || found.Kind != ModelKinds.Conversion)
        {
            throw new ModelRegistryException(string.Create(CultureInfo.InvariantCulture, $"There is no conversion model version {version} to promote; `leadwise models list` shows the versions."));
        }

        await store.PromoteModelAsync(new ModelPromotion(ModelKinds.Conversion, version, time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Promotes the version that was promoted before the current one, and returns it.</summary>
    public async Task<int> RollbackAsync(CancellationToken cancellationToken)
    {
        var history = await HistoryAsync(cancellationToken).ConfigureAwait(false);
        var target = history.RollbackTarget()
            ?? throw new ModelRegistryException(history.Current is null
                ? "No model was promoted yet, so there is nothing to roll back."
                : string.Create(CultureInfo.InvariantCulture, $"Version {history.Current} is the only version promoted so far; there is nothing to roll back to."));
        await store.PromoteModelAsync(new ModelPromotion(ModelKinds.Conversion, target, time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        return target;
    }
}
