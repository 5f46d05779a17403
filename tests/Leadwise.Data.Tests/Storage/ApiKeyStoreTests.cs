using Leadwise.Core.Access;
using Leadwise.Core.Outreach;
using Leadwise.Data.Storage;
using Leadwise.Data.Tests.Support;
using Leadwise.Testing.Outreach;
using Leadwise.Testing.Postgres;

namespace Leadwise.Data.Tests.Storage;

public abstract class ApiKeyStoreTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Created = new(2026, 11, 20, 10, 30, 0, TimeSpan.Zero);
    private readonly StoreBackend _backend;
    private TestStore _test = null!;

    private protected ApiKeyStoreTests(StoreBackend backend) => _backend = backend;

    public async Task InitializeAsync() => _test = await TestStore.CreateAsync(_backend);

    public async Task DisposeAsync() => await _test.DisposeAsync();

    [SkippableFact]
    public async Task CreatedKeys_AreNumberedInOrder_ListedById_AndFoundByTheirSecretsHash()
    {
        // Given
        var store = _test.Store;
        var crmSecret = ApiKeySecret.Generate();
        var formsSecret = ApiKeySecret.Generate();

        // When
        var crm = await store.CreateApiKeyAsync("crm", null, Created, ApiKeySecret.Hash(crmSecret), CancellationToken.None);
        var forms = await store.CreateApiKeyAsync("forms", null, Created.AddMinutes(1), ApiKeySecret.Hash(formsSecret), CancellationToken.None);

        // Then
        Assert.Equal(new ApiKey(1, "crm", Created, null), crm);
        Assert.Equal(new ApiKey(2, "forms", Created.AddMinutes(1), null), forms);
        Assert.Equal([crm, forms], await ReadAllAsync());
        var found = await store.FindApiKeyByHashAsync(ApiKeySecret.Hash(formsSecret), CancellationToken.None);
        Assert.Equal(forms, found!.Key);
        Assert.Equal(ApiKeySecret.Hash(formsSecret), found.SecretHash.ToArray());
        Assert.Null(await store.FindApiKeyByHashAsync(ApiKeySecret.Hash(ApiKeySecret.Generate()), CancellationToken.None));
    }

    [SkippableFact]
    public async Task RevokedKeys_KeepTheirFirstRevocationTime_AndAreStillFoundAsRevoked()
    {
        // Given
        var store = _test.Store;
        var secret = ApiKeySecret.Generate();
        var key = await store.CreateApiKeyAsync("crm", null, Created, ApiKeySecret.Hash(secret), CancellationToken.None);

        // When
        var revoked = await store.RevokeApiKeyAsync(key.Id, Created.AddDays(1), CancellationToken.None);
        var again = await store.RevokeApiKeyAsync(key.Id, Created.AddDays(2), CancellationToken.None);
        var unknown = await store.RevokeApiKeyAsync(99, Created.AddDays(2), CancellationToken.None);

        // Then
        Assert.Equal(key with { RevokedAt = Created.AddDays(1) }, revoked);
        Assert.Equal(revoked, again);
        Assert.Null(unknown);
        Assert.True((await store.FindApiKeyByHashAsync(ApiKeySecret.Hash(secret), CancellationToken.None))!.Key.IsRevoked);
        Assert.Equal([revoked!], await ReadAllAsync());
    }

    [SkippableFact]
    public async Task CreatingASecondKeyWithTheSameSecret_Fails()
    {
        var store = _test.Store;
        var hash = ApiKeySecret.Hash(ApiKeySecret.Generate());
        await store.CreateApiKeyAsync("crm", null, Created, hash, CancellationToken.None);

        var duplicate = await Assert.ThrowsAsync<InvalidOperationException>(() => store.CreateApiKeyAsync("copy", null, Created, hash, CancellationToken.None));

        Assert.Contains("same secret", duplicate.Message, StringComparison.Ordinal);
        Assert.Single(await ReadAllAsync());
    }

    [SkippableFact]
    public async Task AKeyBoundToAnAccount_KeepsItsAccount_InTheListAndWhenFoundByItsHash()
    {
        // Given: two accounts in the store
        var store = _test.Store;
        await using (var writer = await store.BeginWriteAsync(StoreWriteMode.Incremental, CancellationToken.None))
        {
            await writer.UpsertAsync(new UserBuilder().WithId(7).Build(), CancellationToken.None);
            await writer.UpsertAsync(new UserBuilder().WithId(8).Build(), CancellationToken.None);
            await writer.CommitAsync(CancellationToken.None);
        }

        var secret = ApiKeySecret.Generate();

        // When
        var bound = await store.CreateApiKeyAsync("crm of 8", new UserId(8), Created, ApiKeySecret.Hash(secret), CancellationToken.None);
        var admin = await store.CreateApiKeyAsync("admin", null, Created, ApiKeySecret.Hash(ApiKeySecret.Generate()), CancellationToken.None);

        // Then
        Assert.Equal(new ApiKey(1, "crm of 8", Created, null, new UserId(8)), bound);
        Assert.Null(admin.Account);
        Assert.Equal([bound, admin], await ReadAllAsync());
        Assert.Equal(new UserId(8), (await store.FindApiKeyByHashAsync(ApiKeySecret.Hash(secret), CancellationToken.None))!.Key.Account);
        Assert.Equal(new UserId(8), (await store.RevokeApiKeyAsync(bound.Id, Created.AddDays(1), CancellationToken.None))!.Account);
    }

    [SkippableFact]
    public async Task AKeyForAnAccountTheStoreDoesNotHold_IsRefused_NamingTheAccount_AndNothingIsStored()
    {
        var store = _test.Store;

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => store.CreateApiKeyAsync("crm", new UserId(42), Created, ApiKeySecret.Hash(ApiKeySecret.Generate()), CancellationToken.None));

        Assert.Contains("There is no account (user) 42", refused.Message, StringComparison.Ordinal);
        Assert.Empty(await ReadAllAsync());
    }

    private async Task<List<ApiKey>> ReadAllAsync()
    {
        var keys = new List<ApiKey>();
        await foreach (var key in _test.Store.ReadApiKeysAsync(CancellationToken.None))
        {
            keys.Add(key);
        }

        return keys;
    }
}

/// <summary>The suite on a SQLite file.</summary>
public sealed class SqliteApiKeyStoreTests() : ApiKeyStoreTests(StoreBackend.Sqlite);

/// <summary>The suite on the run's throwaway PostgreSQL server, a database per store.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresApiKeyStoreTests(PostgresServerFixture server) : ApiKeyStoreTests(StoreBackend.Postgres(server));
