using System.Globalization;
using System.Security.Claims;
using Leadwise.Core.Outreach;
using Leadwise.Data.Storage;

namespace Leadwise.Server.Security;

/// <summary>
/// The account a request acts for: the one its API key is bound to (claim <see cref="Claim"/>, set by the
/// authentication handler), or null for an install-wide key, no key, or open reads. Endpoints pass it to the store,
/// which filters in SQL; a row of another account answers exactly as a missing one does.
/// </summary>
internal static class RequestAccount
{
    public const string Claim = "leadwise:account";

    /// <summary>The bound account, or null when the caller sees every account.</summary>
    public static UserId? Of(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindFirst(Claim)?.Value is { } value ? new UserId(long.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture)) : null;
    }

    /// <summary>Whether <paramref name="account"/> may see the lead: always when null, else when the store finds it in that account.</summary>
    public static async Task<bool> SeesLeadAsync(this ILeadwiseStore store, UserId? account, LeadId lead, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        return account is null || await store.FindLeadAsync(lead, account, cancellationToken).ConfigureAwait(false) is not null;
    }
}
