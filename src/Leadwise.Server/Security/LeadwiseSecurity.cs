using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Leadwise.Server.Security;

/// <summary>
/// API keys, authorization, rate limiting and request size limits, registered by <see cref="AddLeadwiseSecurity"/>
/// and put in the pipeline by <see cref="UseLeadwiseSecurity"/>. Settings (section <c>Leadwise</c>): <c>OpenReads</c>,
/// <c>MaxRequestBytes</c>, <c>RateLimit:PermitsPerMinute</c> (see <see cref="LeadwiseSecurityOptions"/>).
/// </summary>
internal static class LeadwiseSecurity
{
    public const string OpenReadsSetting = "Leadwise:OpenReads";

    public const string MaxRequestBytesSetting = "Leadwise:MaxRequestBytes";

    public const string PermitsPerMinuteSetting = "Leadwise:RateLimit:PermitsPerMinute";

    public static WebApplicationBuilder AddLeadwiseSecurity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<LeadwiseSecurityOptions>()
            .BindConfiguration(LeadwiseSecurityOptions.Section)
            .Validate(o => o.MaxRequestBytes > 0, $"{MaxRequestBytesSetting} must be a positive number of bytes.")
            .Validate(o => o.RateLimit.PermitsPerMinute > 0, $"{PermitsPerMinuteSetting} must be a positive number.")
            .ValidateOnStart();

        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddSingleton<IAuthorizationHandler, ApiKeyAccessHandler>();
        services.AddAuthorizationBuilder()
            .AddPolicy(LeadwisePolicies.Read, policy => policy.AddRequirements(new ApiKeyAccessRequirement(ApiKeyAccessKind.Read)))
            .AddPolicy(LeadwisePolicies.Write, policy => policy.AddRequirements(new ApiKeyAccessRequirement(ApiKeyAccessKind.Write)))
            .AddPolicy(LeadwisePolicies.ByMethod, policy => policy.AddRequirements(new ApiKeyAccessRequirement(ApiKeyAccessKind.ByMethod)))
            // Endpoints that name no policy (and paths no endpoint matches) are reads or writes by their method, so a
            // new endpoint is never open by accident.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().AddRequirements(new ApiKeyAccessRequirement(ApiKeyAccessKind.ByMethod)).Build());

        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<LeadwiseSecurityOptions>>((limiter, security) =>
        {
            var permits = security.Value.RateLimit.PermitsPerMinute;
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => RateLimitPartition.GetFixedWindowLimiter(
                PartitionKey(context),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            limiter.OnRejected = (rejected, _) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                rejected.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                return SecurityProblems.WriteAsync(
                    rejected.HttpContext,
                    StatusCodes.Status429TooManyRequests,
                    "Too many requests",
                    string.Create(CultureInfo.InvariantCulture, $"At most {permits} requests per minute are accepted per API key (or per address without one; {PermitsPerMinuteSetting}). Try again in {seconds} s."));
            };
        });
        return builder;
    }

    /// <summary>
    /// Authentication, then the rate limiter (so it sees the key, and counts refused requests too: guessing keys
    /// costs permits), then authorization, then the body size limit (only authorized requests have their bodies read),
    /// then the refusal of NUL characters in JSON bodies (within that size).
    /// </summary>
    public static WebApplication UseLeadwiseSecurity(this WebApplication app)
    {
        _ = app.Services.GetRequiredService<IOptions<LeadwiseSecurityOptions>>().Value; // bad settings fail at start
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseMiddleware<RequestSizeLimit>();
        app.UseMiddleware<JsonNulGuard>();
        return app;
    }

    /// <summary>Per API key when the request was authenticated by one, else per remote address.</summary>
    private static string PartitionKey(HttpContext context) =>
        context.User.FindFirst(ApiKeyAuthenticationHandler.KeyIdClaim)?.Value is { } keyId
            ? "key:" + keyId
            : "address:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
}
