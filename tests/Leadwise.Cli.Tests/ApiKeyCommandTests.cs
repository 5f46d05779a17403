using System.Text.RegularExpressions;
using Leadwise.Core.Access;
using Leadwise.Data.Sqlite;

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

    [GeneratedRegex("lw_[A-Za-z0-9_-]{43}")]
    private static partial Regex SecretPattern();
}
