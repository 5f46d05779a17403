using Leadwise.Core.Outreach;

namespace Leadwise.Learning.Registry;

/// <summary>
/// The promoted models of one kind as they are served: each account with a promoted model of its own gets that one,
/// every other account (and a lead without one) the install-wide promoted model, when there is one.
/// </summary>
public sealed class ServedModels<TModel>(ServedModel<TModel>? installWide, IReadOnlyDictionary<UserId, ServedModel<TModel>> byAccount)
    where TModel : class
{
    /// <summary>Nothing promoted: points only.</summary>
    public static ServedModels<TModel> None { get; } = new(null, new Dictionary<UserId, ServedModel<TModel>>());

    public ServedModel<TModel>? InstallWide => installWide;

    /// <summary>The accounts with a promoted model of their own, and that model.</summary>
    public IReadOnlyDictionary<UserId, ServedModel<TModel>> ByAccount => byAccount;

    public bool IsEmpty => installWide is null && byAccount.Count == 0;

    /// <summary>What a lead of <paramref name="account"/> is scored with: the account's own promoted model, else the install-wide one.</summary>
    public ServedModel<TModel>? For(UserId? account) =>
        account is { } owner && byAccount.TryGetValue(owner, out var own) ? own : installWide;

    /// <summary>Only the install-wide model (what a store without account models is served).</summary>
    public static ServedModels<TModel> InstallWideOnly(ServedModel<TModel>? model) =>
        new(model, new Dictionary<UserId, ServedModel<TModel>>());
}
