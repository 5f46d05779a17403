using System.Globalization;
using System.Text.Json;
using Leadwise.Core.Models;
using Leadwise.Core.Outreach;
using Leadwise.Data.Storage;

namespace Leadwise.Learning.Registry;

/// <summary>
/// Models of one <see cref="ModelKinds">kind</see> as numbered versions in the store: save, list, load, promote, roll
/// back. Each kind has its own promoted version per account; promotion and rollback are recorded, never rewritten (see
/// <see cref="PromotionHistory"/>). Subclasses say how a model is saved (summary, metadata, bytes) and read back.
/// </summary>
/// <remarks>
/// The registry acts as <see cref="Account"/> sees it. Null (the default, a single-company install) is the install-wide
/// registry: it saves install-wide versions and promotes, rolls back and serves the install-wide history, while listing
/// and loading every version. An account's registry saves versions as that account's, lists and loads its own and the
/// install-wide versions (another account's is "not found", as a missing one), promotes and rolls back only its own,
/// and serves its own promoted version, else the install-wide one.
/// </remarks>
public abstract class ModelRegistry<TModel>(ILeadwiseStore store, TimeProvider time, string kind, UserId? account)
    where TModel : class
{
    protected ILeadwiseStore Store => store;

    public string Kind => kind;

    /// <summary>The account this registry acts for; null for the install-wide registry.</summary>
    public UserId? Account => account;

    public async Task<IReadOnlyList<ModelVersion>> ListAsync(CancellationToken cancellationToken)
    {
        var versions = new List<ModelVersion>();
        await foreach (var version in store.ReadModelsAsync(account, cancellationToken).ConfigureAwait(false))
        {
            if (version.Kind == kind)
            {
                versions.Add(version);
            }
        }

        return versions;
    }

    /// <summary>The promotion history of this registry's account alone (the install-wide one for null).</summary>
    public async Task<PromotionHistory> HistoryAsync(CancellationToken cancellationToken) =>
        new(await store.ReadAccountPromotionsAsync(kind, account, cancellationToken).ConfigureAwait(false));

    /// <summary>The version this registry's account is served: its own promoted version, else the install-wide one; null when neither exists.</summary>
    public async Task<int?> ServedVersionAsync(CancellationToken cancellationToken) =>
        // One derivation of "promoted" for serving, listing and the server's pickup alike (the last promotion of each history).
        (await PromotedVersionsAsync(cancellationToken).ConfigureAwait(false)).ServedTo(account);

    public async Task<TModel> LoadAsync(int version, CancellationToken cancellationToken)
    {
        var found = await store.FindModelAsync(version, account, cancellationToken).ConfigureAwait(false);
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

    /// <summary>The served model (<see cref="ServedVersionAsync"/>) and its version, or null when none was promoted yet.</summary>
    public async Task<(int Version, TModel Model)?> LoadPromotedAsync(CancellationToken cancellationToken)
    {
        if (await ServedVersionAsync(cancellationToken).ConfigureAwait(false) is not { } version)
        {
            return null;
        }

        return (version, await LoadAsync(version, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// Every account's promoted model of this kind and the install-wide one, as leads are scored with them. Models of
    /// <paramref name="previous"/> whose version is still the promoted one are kept rather than loaded again.
    /// </summary>
    public async Task<ServedModels<TModel>> LoadServedAsync(ServedModels<TModel>? previous, CancellationToken cancellationToken)
    {
        var promoted = await PromotedVersionsAsync(cancellationToken).ConfigureAwait(false);

        async Task<ServedModel<TModel>> LoadOrKeepAsync(int version, UserId? owner)
        {
            var kept = owner is null ? previous?.InstallWide : previous?.ByAccount.GetValueOrDefault(owner.Value);
            return kept?.Version == version ? kept : new ServedModel<TModel>(version, await LoadAsync(version, cancellationToken).ConfigureAwait(false), owner);
        }

        var byAccount = new Dictionary<UserId, ServedModel<TModel>>();
        foreach (var (user, version) in promoted.ByAccount)
        {
            byAccount[user] = await LoadOrKeepAsync(version, user).ConfigureAwait(false);
        }

        return new ServedModels<TModel>(promoted.InstallWide is { } shared ? await LoadOrKeepAsync(shared, null).ConfigureAwait(false) : null, byAccount);
    }

    /// <summary>
    /// The promoted version of every (kind, account) history this registry sees (all of them for the install-wide
    /// registry; its own and the install-wide one for an account's), without loading any model.
    /// </summary>
    public async Task<PromotedVersions> PromotedVersionsAsync(CancellationToken cancellationToken)
    {
        var owners = new Dictionary<int, UserId?>();
        await foreach (var version in store.ReadModelsAsync(account, cancellationToken).ConfigureAwait(false))
        {
            if (version.Kind == kind)
            {
                owners[version.Version] = version.Account;
            }
        }

        // Promotions are one list per kind in the order they happened; the last one of an account's versions is its current one.
        int? installWide = null;
        var current = new Dictionary<UserId, int>();
        foreach (var promotion in await store.ReadPromotionsAsync(kind, cancellationToken).ConfigureAwait(false))
        {
            if (!owners.TryGetValue(promotion.Version, out var owner))
            {
                continue;
            }

            if (owner is { } user)
            {
                current[user] = promotion.Version;
            }
            else
            {
                installWide = promotion.Version;
            }
        }

        return new PromotedVersions(installWide, current);
    }

    /// <summary>
    /// Promotes a version within its own account's history (an install-wide version in the install-wide one). An account's
    /// registry promotes only that account's own versions.
    /// </summary>
    public async Task PromoteAsync(int version, CancellationToken cancellationToken)
    {
        var found = await store.FindModelAsync(version, account, cancellationToken).ConfigureAwait(false);
        if (found is null || found.Kind != kind)
        {
            throw new ModelRegistryException(string.Create(CultureInfo.InvariantCulture, $"There is no {kind} model version {version} to promote; `leadwise models list` shows the versions."));
        }

        if (account is { } owner && found.Account is null)
        {
            throw new ModelRegistryException(string.Create(CultureInfo.InvariantCulture,
                $"Version {version} is an install-wide {kind} model, not account {owner.Value}'s own: promote it without --account (it changes what every account without a model of its own is served)."));
        }

        await store.PromoteModelAsync(new ModelPromotion(kind, version, time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
    }

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

    /// <summary>Promotes the version that was promoted before the current one in this registry's account's history, and returns it.</summary>
    public async Task<int> RollbackAsync(CancellationToken cancellationToken)
    {
        var history = await HistoryAsync(cancellationToken).ConfigureAwait(false);
        var target = history.RollbackTarget()
            ?? throw new ModelRegistryException(history.Current is null
                ? account is { } owner ? string.Create(CultureInfo.InvariantCulture, $"No {kind} model of account {owner.Value} was promoted yet, so there is nothing to roll back.") : "No model was promoted yet, so there is nothing to roll back."
                : string.Create(CultureInfo.InvariantCulture, $"Version {history.Current} is the only version promoted so far; there is nothing to roll back to."));
        await store.PromoteModelAsync(new ModelPromotion(kind, target, time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        return target;
    }

    /// <summary>Saves a new version of this kind.</summary>
    protected Task<ModelVersion> SaveAsync(NewModelVersion model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        return store.SaveModelAsync(kind, account, model.CreatedAt, model.Summary, model.MetadataJson, model.Artifact, cancellationToken);
    }

    /// <summary>Reads a model from its artifact.</summary>
    /// <exception cref="InvalidDataException">The bytes are not such a model.</exception>
    protected abstract TModel FromBytes(byte[] bytes);
}
