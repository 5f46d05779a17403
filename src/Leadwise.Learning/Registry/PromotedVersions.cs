using Leadwise.Core.Outreach;

namespace Leadwise.Learning.Registry;

/// <summary>The promoted version of one kind in each history: the install-wide one and each account's own.</summary>
public sealed record PromotedVersions(int? InstallWide, IReadOnlyDictionary<UserId, int> ByAccount)
{
    /// <summary>Whether the version is the promoted one of its (kind, account) history.</summary>
    public bool Contains(int version) => InstallWide == version || ByAccount.Values.Contains(version);
}
