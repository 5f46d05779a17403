namespace Leadwise.Server.Security;

/// <summary>
/// The authorization policies endpoints name. Endpoints that name none get <see cref="ByMethod"/> (the fallback):
/// a read for GET and HEAD, a write for every other method.
/// </summary>
internal static class LeadwisePolicies
{
    /// <summary>Needs a valid API key, unless <c>Leadwise:OpenReads</c> is true and the request presents no key.</summary>
    /// <remarks>For the API's reads and the dashboard's pages (<c>.RequireAuthorization(LeadwisePolicies.Read)</c>).</remarks>
    public const string Read = "LeadwiseRead";

    /// <summary>Always needs a valid API key: anything that stores, changes or deletes.</summary>
    public const string Write = "LeadwiseWrite";

    /// <summary><see cref="Read"/> for GET and HEAD, <see cref="Write"/> otherwise: the fallback policy.</summary>
    public const string ByMethod = "LeadwiseByMethod";
}
