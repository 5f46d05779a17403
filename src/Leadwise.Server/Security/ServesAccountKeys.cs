namespace Leadwise.Server.Security;

/// <summary>
/// Endpoint metadata: this endpoint scopes what it reads or changes by <see cref="RequestAccount"/>, so a key bound to an
/// account may call it. Every other endpoint answers such a key 403 (<see cref="ApiKeyAccessHandler"/>), so a new
/// endpoint never serves one account's key another account's data by accident.
/// </summary>
internal sealed class ServesAccountKeys
{
    public static readonly ServesAccountKeys Instance = new();

    private ServesAccountKeys()
    {
    }
}
