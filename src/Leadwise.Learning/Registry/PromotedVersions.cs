using Leadwise.Core.Outreach;

namespace Leadwise.Learning.Registry;

/// <summary>The promoted version of one kind in each history: the install-wide one and each account's own.</summary>
public sealed record PromotedVersions(int? InstallWide, IReadOnlyDictionary<UserId, int> ByAccount)
{
    /// <summary>Whether the version is the promoted one of its (kind, account) history.</summary>
    public bool Contains(int version) => InstallWide == version || ByAccount.Values.Contains(version);

    /// <summary>The version <paramref name="account"/> is served: its own promoted one, else the install-wide one (null: the install-wide one).</summary>
    public int? ServedTo(UserId? account) =>
        account is { } owner && ByAccount.TryGetValue(owner, out var own) ? own : InstallWide;
}
