using System.Text.RegularExpressions;
using Leadwise.Core.Access;
using Leadwise.Core.Outreach;
using Leadwise.Data.Sqlite;
using Leadwise.Data.Storage;
using Leadwise.Testing.Outreach;

namespace Leadwise.Cli.Tests;

/// <summary><c>leadwise apikey create | list | revoke</c> on a store: the secret is printed once and only its hash is stored.</summary>
public sealed partial class ApiKeyCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Create_PrintsTheSecretOnce_StoresOnlyItsHash_AndListAndRevokeShowTheKey()
    {
        // Given: an empty store
        var database = _folder.Combine("leadwise.db");
        await (await SqliteLeadwiseStore.OpenAsync(database, CancellationToken.None)).DisposeAsync();

        // When
        var created = await CliRun.RunAsync("apikey", "create", "--name", "crm", "--db", database);
        var listed = await CliRun.RunAsync("apikey", "list", "--db", database);
        var revoked = await CliRun.RunAsync("apikey", "revoke", "1", "--db", database);
        var again = await CliRun.RunAsync("apikey", "revoke", "1", "--db", database);
        var listedAfter = await CliRun.RunAsync("apikey", "list", "--db", database);

        // Then
        Assert.Equal(ExitCodes.Success, created.ExitCode);
        Assert.Contains("Created API key 1 (crm)", created.Output, StringComparison.Ordinal);
        var secret = Assert.Single(SecretPattern().Matches(created.Output)).Value;
        await using (var store = await SqliteLeadwiseStore.OpenAsync(database, CancellationToken.None))
        {
            var stored = await store.FindApiKeyByHashAsync(ApiKeySecret.Hash(secret), CancellationToken.None);
            Assert.Equal("crm", stored!.Key.Name);
        }

        Assert.DoesNotContain(secret, await File.ReadAllTextAsync(database, System.Text.Encoding.Latin1), StringComparison.Ordinal);
        Assert.Matches(@"│\s+1 │ crm\s+│ \d{4}-\d\d-\d\d \d\d:\d\d:\d\d │ active", listed.Output);
        Assert.DoesNotContain(secret, listed.Output, StringComparison.Ordinal);
        Assert.Equal((ExitCodes.Success, ExitCodes.Success), (revoked.ExitCode, again.ExitCode));
        Assert.Contains("Revoked API key 1 (crm).", revoked.Output, StringComparison.Ordinal);
        Assert.Contains("API key 1 (crm) was already revoked at", again.Output, StringComparison.Ordinal);
        Assert.Matches(@"│\s+1 │ crm\s+│ .* │ revoked \d{4}-", listedAfter.Output);
    }

    [Fact]
    public async Task Revoke_UnknownKey_AndCreate_WithoutAStoreOrAName_Fail()
    {
        var database = _folder.Combine("leadwise.db");
        var missingStore = await CliRun.RunAsync("apikey", "create", "--name", "crm", "--db", database);
        await (await SqliteLeadwiseStore.OpenAsync(database, CancellationToken.None)).DisposeAsync();

        var unknown = await CliRun.RunAsync("apikey", "revoke", "9", "--db", database);
        var noName = await CliRun.RunAsync("apikey", "create", "--db", database);
        var blankName = await CliRun.RunAsync("apikey", "create", "--name", "  ", "--db", database);
        var empty = await CliRun.RunAsync("apikey", "list", "--db", database);

        Assert.Equal(ExitCodes.BadInput, missingStore.ExitCode);
        Assert.Contains("There is no store", missingStore.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.BadInput, unknown.ExitCode);
        Assert.Contains("There is no API key 9", unknown.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, noName.ExitCode);
        Assert.Equal(ExitCodes.BadInput, blankName.ExitCode);
        Assert.Contains("--name must be 1 to 100 characters", blankName.Output, StringComparison.Ordinal);
        Assert.Contains("No API keys yet", empty.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_WithAnAccount_BindsTheKeyToThatUser_ListShowsIt_AndAnUnknownAccountIsRefusedStoringNothing()
    {
        // Given: a store with the users 7 and 8
        var database = _folder.Combine("leadwise.db");
        await using (var store = await SqliteLeadwiseStore.OpenAsync(database, CancellationToken.None))
        await using (var writer = await store.BeginWriteAsync(StoreWriteMode.Incremental, CancellationToken.None))
        {
            await writer.UpsertAsync(new UserBuilder().WithId(7).Build(), CancellationToken.None);
            await writer.UpsertAsync(new UserBuilder().WithId(8).Build(), CancellationToken.None);
            await writer.CommitAsync(CancellationToken.None);
        }

        // When
        var bound = await CliRun.RunAsync("apikey", "create", "--name", "crm of 8", "--account", "8", "--db", database);
        var unknown = await CliRun.RunAsync("apikey", "create", "--name", "crm of 99", "--account", "99", "--db", database);
        var admin = await CliRun.RunAsync("apikey", "create", "--name", "admin", "--db", database);
        var listed = await CliRun.RunAsync("apikey", "list", "--db", database);

        // Then
        Assert.Equal((ExitCodes.Success, ExitCodes.BadInput, ExitCodes.Success), (bound.ExitCode, unknown.ExitCode, admin.ExitCode));
        Assert.Contains("Created API key 1 (crm of 8) for account 8", bound.Output, StringComparison.Ordinal);
        Assert.Contains("Created API key 2 (admin), install-wide", admin.Output, StringComparison.Ordinal);
        Assert.Contains("--account: There is no account (user) 99 in the store", unknown.Output, StringComparison.Ordinal);
        Assert.DoesNotMatch(SecretPattern(), unknown.Output);
        var secret = Assert.Single(SecretPattern().Matches(bound.Output)).Value;
        await using (var store = await SqliteLeadwiseStore.OpenAsync(database, CancellationToken.None))
        {
            Assert.Equal(new UserId(8), (await store.FindApiKeyByHashAsync(ApiKeySecret.Hash(secret), CancellationToken.None))!.Key.Account);
            Assert.Equal(["crm of 8", "admin"], await store.ReadApiKeysAsync(CancellationToken.None).Select(k => k.Name).ToListAsync());
        }

        Assert.Matches(@"│\s+1 │ crm of 8\s+│ .* │ active\s+│ 8\s+│", listed.Output);
        Assert.Matches(@"│\s+2 │ admin\s+│ .* │ active\s+│ all \(install-wide\)\s+│", listed.Output);
    }

    [GeneratedRegex("lw_[A-Za-z0-9_-]{43}")]
    private static partial Regex SecretPattern();
}
