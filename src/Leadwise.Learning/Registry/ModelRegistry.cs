using System.Globalization;
using System.Text.Json;
using Leadwise.Core.Models;
using Leadwise.Data.Storage;

namespace Leadwise.Learning.Registry;

/// <summary>
/// Models of one <see cref="ModelKinds">kind</see> as numbered versions in the store: save, list, load, promote, roll
/// back. Each kind has its own promoted version; promotion and rollback are recorded, never rewritten (see
/// <see cref="PromotionHistory"/>). Subclasses say how a model is saved (summary, metadata, bytes) and read back.
/// </summary>
public abstract class ModelRegistry<TModel>(ILeadwiseStore store, TimeProvider time, string kind)
    where TModel : class
{
    protected ILeadwiseStore Store => store;

    public string Kind => kind;

    public async Task<IReadOnlyList<ModelVersion>> ListAsync(CancellationToken cancellationToken)
    {
        var versions = new List<ModelVersion>();
        await foreach (var version in store.ReadModelsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (version.Kind == kind)
            {
                versions.Add(version);
            }
        }

        return versions;
    }

    public async Task<PromotionHistory> HistoryAsync(CancellationToken cancellationToken) =>
        new(await store.ReadPromotionsAsync(kind, cancellationToken).ConfigureAwait(false));

    public async Task<TModel> LoadAsync(int version, CancellationToken cancellationToken)
    {
        var found = await store.FindModelAsync(version, cancellationToken).ConfigureAwait(false);
        if (found is null || found.Kind != kind)
        {
            throw new ModelRegistryException(string.Create(CultureInfo.InvariantCulture, $"There is no {kind} model version {version}; `leadwise models list` shows the versions."));
        }

        var bytes = await store.ReadModelArtifactAsync(version, cancellationToken).ConfigureAwait(false)
            ?? throw new ModelRegistryException(string.Create(CultureInfo.InvariantCulture, $"Model version {version} has no artifact."));
        try
        {
            return FromBytes(bytes);
        }
        catch (Exception exception) when (exception is JsonException or InvalidDataException or EndOfStreamException or FormatException)
        {
            throw new ModelRegistryException(string.Create(CultureInfo.InvariantCulture,
                $"Model version {version} cannot be read by this version of Leadwise ({exception.Message}); train a new one with `leadwise train`."));
        }
    }

    /// <summary>The promoted model and its version, or null when none was promoted yet.</summary>
    public async Task<(int Version, TModel Model)?> LoadPromotedAsync(CancellationToken cancellationToken)
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
        if (found is null || found.Kind != kind)
        {
            throw new ModelRegistryException(string.Create(CultureInfo.InvariantCulture, $"There is no {kind} model version {version} to promote; `leadwise models list` shows the versions."));
        }

        await store.PromoteModelAsync(new ModelPromotion(kind, version, time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Promotes the version that was promoted before the current one, and returns it.</summary>
    /// <summary>
    /// Promotes a newly saved version when <paramref name="promote"/> asks for it or when no version of this kind is
    /// promoted yet (the first model is always used); returns the version that stays promoted otherwise, else null.
    /// </summary>
    public async Task<int?> PromoteNewVersionAsync(int version, bool promote, CancellationToken cancellationToken)
    {
        var current = (await HistoryAsync(cancellationToken).ConfigureAwait(false)).Current;
        if (!promote && current is not null)
        {
            return current;
        }

        await PromoteAsync(version, cancellationToken).ConfigureAwait(false);
        return null;
    }

    public async Task<int> RollbackAsync(CancellationToken cancellationToken)
    {
        var history = await HistoryAsync(cancellationToken).ConfigureAwait(false);
        var target = history.RollbackTarget()
            ?? throw new ModelRegistryException(history.Current is null
                ? "No model was promoted yet, so there is nothing to roll back."
                : string.Create(CultureInfo.InvariantCulture, $"Version {history.Current} is the only version promoted so far; there is nothing to roll back to."));
        await store.PromoteModelAsync(new ModelPromotion(kind, target, time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        return target;
    }

    /// <summary>Saves a new version of this kind.</summary>
    protected Task<ModelVersion> SaveAsync(NewModelVersion model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        return store.SaveModelAsync(kind, model.CreatedAt, model.Summary, model.MetadataJson, model.Artifact, cancellationToken);
    }

    /// <summary>Reads a model from its artifact.</summary>
    /// <exception cref="InvalidDataException">The bytes are not such a model.</exception>
    protected abstract TModel FromBytes(byte[] bytes);
}
