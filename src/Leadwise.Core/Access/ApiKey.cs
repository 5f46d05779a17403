using Leadwise.Core.Outreach;

namespace Leadwise.Core.Access;

/// <summary>
/// A key that lets a program call the web API. The store keeps only the SHA-256 hash of its secret
/// (<see cref="ApiKeySecret"/>): the secret itself is shown once, when the key is created.
/// </summary>
/// <param name="Id">Numbered from 1 in the order keys were created; what <c>leadwise apikey revoke</c> takes.</param>
/// <param name="Name">What the key is for, e.g. the CRM that uses it.</param>
/// <param name="CreatedAt">When the key was created.</param>
/// <param name="RevokedAt">When the key was revoked; null while it is valid.</param>
/// <param name="Account">
/// The account (the export's user) the key is bound to: it sees and changes only that account's campaigns, leads and
/// events. Null for an install-wide key, which sees every account.
/// </param>
public sealed record ApiKey(long Id, string Name, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt, UserId? Account = null)
{
    public bool IsRevoked => RevokedAt is not null;

    public bool IsBoundToAccount => Account is not null;
}
