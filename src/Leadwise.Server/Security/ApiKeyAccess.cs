using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Leadwise.Server.Security;

/// <summary>What an endpoint's policy demands of the caller's API key.</summary>
internal enum ApiKeyAccessKind
{
    Read,
    Write,
    ByMethod,
}

/// <summary>The requirement behind each <see cref="LeadwisePolicies">policy</see>.</summary>
internal sealed record ApiKeyAccessRequirement(ApiKeyAccessKind Kind) : IAuthorizationRequirement;

/// <summary>
/// Met by a valid API key (one bound to an account only where the endpoint <see cref="ServesAccountKeys">serves such
/// keys</see>); a read is also met without any key when <c>Leadwise:OpenReads</c> is true. A request that
/// presents a wrong or revoked key is refused even then, so a client learns at once that its key no longer works.
/// </summary>
internal sealed class ApiKeyAccessHandler(IOptionsMonitor<LeadwiseSecurityOptions> options) : AuthorizationHandler<ApiKeyAccessRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ApiKeyAccessRequirement requirement)
    {
        if (context.User.Identity is { IsAuthenticated: true, AuthenticationType: ApiKeyAuthenticationHandler.SchemeName })
        {
            // A key bound to an account passes only where the endpoint scopes by account; without an endpoint (an
            // unknown path) there is nothing to guard, and the answer stays the 404 any key gets.
            var endpoint = (context.Resource as HttpContext)?.GetEndpoint();
            if (RequestAccount.Of(context.User) is null || endpoint is null || endpoint.Metadata.GetMetadata<ServesAccountKeys>() is not null)
            {
                context.Succeed(requirement);
            }
        }
        else if (context.Resource is HttpContext http && IsRead(requirement.Kind, http.Request) && options.CurrentValue.OpenReads && !ApiKeyAuthenticationHandler.PresentsKey(http.Request))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }

    private static bool IsRead(ApiKeyAccessKind kind, HttpRequest request) => kind switch
    {
        ApiKeyAccessKind.Read => true,
        ApiKeyAccessKind.ByMethod => HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method),
        _ => false,
    };
}
