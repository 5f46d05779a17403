namespace Leadwise.Core.Access;

/// <summary>
/// A key that lets a program call the web API. The store keeps only the SHA-256 hash of its secret
/// (<see cref="ApiKeySecret"/>): the secret itself is shown once, when the key is created.
/// </summary>
/// <param name="Id">Numbered from 1 in the order keys were created; what <c>leadwise apikey revoke</c> takes.</param>
/// <param name="Name">What the key is for, e.g. the CRM that uses it.</param>
/// <param name="CreatedAt">When the key was created.</param>
/// <param name="RevokedAt">When the key was revoked; null while it is valid.</param>
public sealed record ApiKey(long Id, string Name, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)
{
    public bool IsRevoked => RevokedAt is not null;
}
