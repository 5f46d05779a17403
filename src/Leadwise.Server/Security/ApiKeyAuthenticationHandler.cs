using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using Leadwise.Core.Access;
using Leadwise.Data.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Leadwise.Server.Security;

/// <summary>
/// Authenticates a request by its API key, sent as <c>Authorization: Bearer &lt;key&gt;</c> or
/// <c>X-Api-Key: &lt;key&gt;</c>. The key is hashed (SHA-256, as stored), looked up by that hash, and the stored hash is
/// compared with it in constant time; revoked keys fail. A request without a key is not authenticated (the
/// endpoint's policy decides whether that is enough); a challenge answers 401 problem details. The key itself is
/// never logged or echoed: failure messages only say what was wrong.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ILeadwiseStore store,
    IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    public const string KeyHeader = "X-Api-Key";

    private const string Bearer = "Bearer";

    /// <summary>Longer than any key Leadwise makes, with room for keys of another format later; longer values are not hashed.</summary>
    private const int MaxKeyLength = 256;

    /// <summary>The claim holding the key's id (the rate limiter partitions by it).</summary>
    public const string KeyIdClaim = "leadwise:api-key-id";

    /// <summary>Whether the request carries a key in either header (well-formed or not).</summary>
    public static bool PresentsKey(HttpRequest request) =>
        request.Headers.ContainsKey(KeyHeader) || BearerToken(request.Headers.Authorization.ToString()) is not null;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!PresentsKey(Request))
        {
            return AuthenticateResult.NoResult();
        }

        if (ReadKey(Request) is not { } presented)
        {
            return AuthenticateResult.Fail($"Send exactly one API key, as 'Authorization: Bearer <key>' or '{KeyHeader}: <key>'.");
        }

        if (presented.Length > MaxKeyLength)
        {
            return AuthenticateResult.Fail("The API key is not valid.");
        }

        var hash = ApiKeySecret.Hash(presented);
        var stored = await store.FindApiKeyByHashAsync(hash, Context.RequestAborted).ConfigureAwait(false);

        // The lookup is by the hash of what the caller sent, which tells nothing about other keys' secrets; the
        // constant-time comparison keeps every comparison of key material in this process free of early exits.
        if (stored is null || !CryptographicOperations.FixedTimeEquals(stored.SecretHash.Span, hash))
        {
            return AuthenticateResult.Fail("The API key is not valid.");
        }

        if (stored.Key.IsRevoked)
        {
            return AuthenticateResult.Fail("The API key was revoked.");
        }

        List<Claim> claims =
        [
            new Claim(KeyIdClaim, stored.Key.Id.ToString(CultureInfo.InvariantCulture)),
            new Claim(ClaimTypes.Name, stored.Key.Name),
        ];
        if (stored.Key.Account is { } account)
        {
            claims.Add(new Claim(RequestAccount.Claim, account.Value.ToString(CultureInfo.InvariantCulture)));
        }

        var identity = new ClaimsIdentity(claims, SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync().ConfigureAwait(false);
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        var problem = result.Failure is { } failure
            ? new ProblemDetails { Title = "Invalid API key", Detail = failure.Message }
            : new ProblemDetails
            {
                Title = "API key required",
                Detail = $"This endpoint needs an API key: send 'Authorization: Bearer <key>' or '{KeyHeader}: <key>'. `leadwise apikey create --name <name>` makes one.",
            };
        problem.Status = StatusCodes.Status401Unauthorized;
        problem.Extensions["header"] = Request.Headers.ContainsKey(KeyHeader) ? KeyHeader : "Authorization";
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = Context, ProblemDetails = problem }).ConfigureAwait(false);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status403Forbidden,
                Title = "Forbidden",
                Detail = RequestAccount.Of(Context.User) is { } account
                    ? string.Create(CultureInfo.InvariantCulture, $"This API key is bound to account {account.Value}: it reads and changes only that account's campaigns, leads and events, and this endpoint acts on the whole install. Use an install-wide key (`leadwise apikey create` without --account).")
                    : "This API key may not do this.",
            },
        }).ConfigureAwait(false);
    }

    /// <summary>The one key the request carries; null when it carries an empty one, or two that differ.</summary>
    private static string? ReadKey(HttpRequest request)
    {
        string? fromHeader = null;
        if (request.Headers.TryGetValue(KeyHeader, out var values))
        {
            if (values.Count != 1 || string.IsNullOrWhiteSpace(values[0]))
            {
                return null;
            }

            fromHeader = values[0]!.Trim();
        }

        var fromBearer = BearerToken(request.Headers.Authorization.ToString());
        if (fromBearer is not null && (fromBearer.Length == 0 || request.Headers.Authorization.Count != 1))
        {
            return null;
        }

        return fromHeader is not null && fromBearer is not null && !string.Equals(fromHeader, fromBearer, StringComparison.Ordinal)
            ? null
            : fromHeader ?? fromBearer;
    }

    /// <summary>The token of an <c>Authorization: Bearer …</c> value (empty when it has none), or null for another scheme.</summary>
    private static string? BearerToken(string authorization) =>
        authorization.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase) && (authorization.Length == Bearer.Length || char.IsWhiteSpace(authorization[Bearer.Length]))
            ? authorization[Bearer.Length..].Trim()
            : null;
}
