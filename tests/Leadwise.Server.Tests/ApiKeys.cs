using Leadwise.Core.Access;
using Leadwise.Data.Sqlite;

namespace Leadwise.Server.Tests;

/// <summary>Creates and revokes keys in a test's store directly, as <c>leadwise apikey</c> does.</summary>
internal static class ApiKeys
{
    /// <summary>An install-wide key, or with <paramref name="account"/> one bound to that account (user id).</summary>
    public static async Task<(long Id, string Secret)> CreateAsync(string database, string name, long? account = null)
    {
        var secret = ApiKeySecret.Generate();
        await using var store = await SqliteLeadwiseStore.OpenAsync(database, CancellationToken.None);
        var key = await store.CreateApiKeyAsync(name, account is { } id ? new Leadwise.Core.Outreach.UserId(id) : null, DateTimeOffset.UtcNow, ApiKeySecret.Hash(secret), CancellationToken.None);
        return (key.Id, secret);
    }

    public static async Task RevokeAsync(string database, long id)
    {
        await using var store = await SqliteLeadwiseStore.OpenAsync(database, CancellationToken.None);
        await store.RevokeApiKeyAsync(id, DateTimeOffset.UtcNow, CancellationToken.None);
    }

    public static HttpRequestMessage Request(HttpMethod method, string url, string? secret, bool asBearer = true, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = content };
        if (secret is not null)
        {
            if (asBearer)
            {
                request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", secret);
            }
            else
            {
                request.Headers.Add("X-Api-Key", secret);
            }
        }

        return request;
    }
}
