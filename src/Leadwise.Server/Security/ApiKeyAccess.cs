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
/// Met by a valid API key; a read is also met without any key when <c>Leadwise:OpenReads</c> is true. A request that
/// presents a wrong or revoked key is refused even then, so a client learns at once that its key no longer works.
/// </summary>
internal sealed class ApiKeyAccessHandler(IOptionsMonitor<LeadwiseSecurityOptions> options) : AuthorizationHandler<ApiKeyAccessRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ApiKeyAccessRequirement requirement)
    {
        if (context.User.Identity is { IsAuthenticated: true, AuthenticationType: ApiKeyAuthenticationHandler.SchemeName })
        {
            context.Succeed(requirement);
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
