using System.Collections.Frozen;
using System.Globalization;
using Leadwise.Core.Outreach;
using Leadwise.Data.Storage;

namespace Leadwise.Learning.Model;

/// <summary>
/// The names of the accounts (users of the outreach tool) a reader may see, for the campaign-owner reason: "Campaign
/// owner is Acme GmbH (user 7)" instead of a bare id. An account outside the set reads as "another account", so a
/// reader scoped to one account never learns another customer's name or id from a reason.
/// </summary>
public sealed class AccountNames
{
    private readonly FrozenDictionary<string, string> _names;

    private AccountNames(FrozenDictionary<string, string> names) => _names = names;

    /// <summary>The accounts' names: the company name, else the email, else none (the id alone).</summary>
    public static AccountNames Of(IEnumerable<User> visible)
    {
        ArgumentNullException.ThrowIfNull(visible);
        return new AccountNames(visible
            .Select(u => (Id: u.Id.ToString(), Name: string.IsNullOrWhiteSpace(u.CompanyName) ? u.Email?.Trim() ?? "" : u.CompanyName.Trim()))
            .ToFrozenDictionary(u => u.Id, u => u.Name, StringComparer.Ordinal));
    }

    /// <summary>Every account of the store, or only <paramref name="account"/>'s when the reader is scoped to it.</summary>
    public static async Task<AccountNames> ReadAsync(ILeadwiseStore store, UserId? account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var users = new List<User>();
        await foreach (var user in store.ReadUsersAsync(account, cancellationToken))
        {
            users.Add(user);
        }

        return Of(users);
    }

    /// <summary>"Acme GmbH (user 7)", "user 7" when it has no name, "another account" when the reader may not see it.</summary>
    public string Describe(string accountId)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        if (!_names.TryGetValue(accountId, out var name))
        {
            return "another account";
        }

        var id = string.Create(CultureInfo.InvariantCulture, $"user {accountId}");
        return name.Length == 0 ? id : $"{name} ({id})";
    }
}
