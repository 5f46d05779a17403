using System.Text.RegularExpressions;
using Leadwise.Core.Models;
using Leadwise.Core.Outreach;
using Leadwise.Data.Postgres;
using Leadwise.Learning.Features;
using Leadwise.Learning.Registry;
using Leadwise.Testing.Postgres;

namespace Leadwise.Cli.Tests;

/// <summary>
/// <c>--account</c> on the CLI, on a store generated like <see cref="GeneratedStore"/> (6000 leads, seed 3, several
/// accounts), on SQLite and on PostgreSQL: training on one account's leads saves that account's own models, scoring
/// gives each account's leads its own promoted model (or the install-wide one), and the scoped commands answer another
/// account's lead, campaign or model exactly as a missing one. What each account holds is read from the store.
/// </summary>
public abstract partial class AccountCommandTests : IDisposable
{
    private const string AsOf = "2024-06-30T00:00:00Z";
    private readonly TempFolder _folder = new();

    public void Dispose()
    {
        _folder.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>A new, empty store location on this suite's backend (a SQLite file goes into <paramref name="folder"/>).</summary>
    private protected abstract Task<string> CreateLocationAsync(TempFolder folder);

    [SkippableFact]
    public async Task PerAccountModels_TrainOnTheAccountsLeads_AndScoreEachAccountsLeadsWithItsOwnModel_OrTheInstallWideOne()
    {
        // Given: the generated store, its accounts by number of leads (the largest has enough replies to train on)
        var database = await ImportGeneratedAsync();
        var owners = await OwnersOfLeadsAsync(database);
        var accounts = owners.Values.GroupBy(owner => owner).OrderByDescending(g => g.Count()).Select(g => g.Key).ToList();
        Assert.True(accounts.Count >= 3, $"the generated store has leads of {accounts.Count} account(s)");
        var (first, second, third) = (accounts[0], accounts[1], accounts[2]);

        // When: an install-wide model, the first account's own, and a second install-wide training's model registered as
        // the second account's own (the second account has too few replies to train one) and promoted for it
        var installWide = await CliRun.RunAsync("train", "--db", database, "--folds", "3");
        var own = await CliRun.RunAsync("train", "--db", database, "--folds", "3", "--account", Id(first));
        var other = await CliRun.RunAsync("train", "--db", database, "--folds", "3", "--seed", "1");
        Assert.Equal((ExitCodes.Success, ExitCodes.Success, ExitCodes.Success), (installWide.ExitCode, own.ExitCode, other.ExitCode));
        int secondsVersion;
        await using (var store = await StoreFactory.OpenAsync(database, mustExist: true, CancellationToken.None))
        {
            var retrained = (await store.FindModelAsync(5, CancellationToken.None))!;
            Assert.Equal((ModelKinds.Conversion, (UserId?)null), (retrained.Kind, retrained.Account));
            secondsVersion = (await store.SaveModelAsync(ModelKinds.Conversion, second, retrained.CreatedAt, retrained.Summary, retrained.MetadataJson,
                (await store.ReadModelArtifactAsync(5, CancellationToken.None))!, CancellationToken.None)).Version;
        }

        var promoteForSecond = await CliRun.RunAsync("models", "promote", secondsVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), "--db", database, "--account", Id(second));
        var score = await CliRun.RunAsync("score", "--db", database, "--as-of", AsOf, "--top", "0");

        // Then: the first account's versions are its own, trained on exactly its invited leads
        Assert.Contains($"Saved as model version 3 of account {Id(first)}", own.Output, StringComparison.Ordinal);
        Assert.Contains($"Saved the sequence model as version 4 of account {Id(first)} and promoted it", own.Output, StringComparison.Ordinal);
        Assert.Contains($"Promoted version {secondsVersion} for account {Id(second)}", promoteForSecond.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, score.ExitCode);
        await using (var store = await StoreFactory.OpenAsync(database, mustExist: true, CancellationToken.None))
        {
            var everyLead = await StoreLeads.ReadAsync(store, CancellationToken.None);
            var ownModel = (await store.FindModelAsync(3, CancellationToken.None))!;
            Assert.Equal(first, ownModel.Account);
            Assert.Equal(everyLead.Invited.Count(p => owners[p.LeadId] == first), ConversionModelRegistry.ReadCard(ownModel).Rows);
            Assert.True(ConversionModelRegistry.ReadCard((await store.FindModelAsync(1, CancellationToken.None))!).Rows > ConversionModelRegistry.ReadCard(ownModel).Rows);
            Assert.Equal(first, (await store.FindModelAsync(4, CancellationToken.None))!.Account);

            // every lead is scored by its account's own model, and the third account's (no model of its own) by the install-wide one
            var scores = await store.ReadModelScoresAsync(CancellationToken.None).ToDictionaryAsync(s => s.LeadId);
            Assert.Equal(owners.Count, scores.Count);
            var expectedVersion = new Dictionary<UserId, int> { [first] = 3, [second] = secondsVersion };
            Assert.All(scores.Values, s => Assert.Equal(expectedVersion.GetValueOrDefault(owners[s.LeadId], 1), s.ModelVersion));
            Assert.Contains(scores.Values, s => owners[s.LeadId] == third);

            // and each stored probability is that model's own prediction
            var registry = new ConversionModelRegistry(store, TimeProvider.System);
            var models = new Dictionary<int, Leadwise.Learning.Model.ConversionModel>();
            foreach (var version in new[] { 1, 3, secondsVersion })
            {
                models[version] = await registry.LoadAsync(version, CancellationToken.None);
            }

            var differs = false;
            foreach (var facts in everyLead.All)
            {
                var stored = scores[facts.Lead.Id];
                var preContact = PreContactFacts.ForScoring(facts, everyLead.Messages.GetValueOrDefault(facts.Lead.CampaignId), stored.AsOf);
                Assert.Equal(models[stored.ModelVersion].Predict(preContact).Probability, stored.Probability, 12);
                differs |= stored.ModelVersion != 1 && Math.Abs(models[1].Predict(preContact).Probability - stored.Probability) > 1e-9;
            }

            Assert.True(differs, "the account models predict what the install-wide one does, so the test could not tell them apart");
        }

        // explain uses the lead's account's model too
        var leadOfFirst = owners.First(pair => pair.Value == first).Key;
        var leadOfThird = owners.First(pair => pair.Value == third).Key;
        Assert.Contains("Conversion model (version 3)", (await CliRun.RunAsync("explain", leadOfFirst.ToString(), "--db", database, "--as-of", AsOf)).Output, StringComparison.Ordinal);
        Assert.Contains("Conversion model (version 1)", (await CliRun.RunAsync("explain", leadOfThird.ToString(), "--db", database, "--as-of", AsOf, "--account", Id(third))).Output, StringComparison.Ordinal);

        // models list shows the account; an account sees its own and the install-wide versions only
        var listAll = await CliRun.RunAsync("models", "list", "--db", database);
        var listThird = await CliRun.RunAsync("models", "list", "--db", database, "--account", Id(third));
        Assert.Matches($@"│ 3 +│ {Id(first)} +│.*promoted", listAll.Output);
        Assert.Matches(@"│ 1 +│ all \(install-wide\) +│.*promoted", listAll.Output);
        Assert.Matches(@"│ 1 +│ all \(install-wide\)", listThird.Output);
        Assert.DoesNotMatch($@"│ (3|4|{secondsVersion}) +│", listThird.Output);

        // another account's model is "not found", as a missing one; an account promotes and rolls back only its own
        await AssertAnswersAsMissingAsync(database, 3, 99, "models", "show", "{0}", "--account", Id(third));
        await AssertAnswersAsMissingAsync(database, 3, 99, "models", "promote", "{0}", "--account", Id(third));
        var promoteInstallWide = await CliRun.RunAsync("models", "promote", "1", "--db", database, "--account", Id(first));
        Assert.Equal(ExitCodes.BadInput, promoteInstallWide.ExitCode);
        Assert.Contains("install-wide", promoteInstallWide.Output, StringComparison.Ordinal);
        var rollback = await CliRun.RunAsync("models", "rollback", "--db", database, "--account", Id(first));
        Assert.Equal(ExitCodes.BadInput, rollback.ExitCode);
        Assert.Contains("Version 3 is the only version promoted so far", rollback.Output, StringComparison.Ordinal);

        // score --account rescores only that account's leads
        var scoreThird = await CliRun.RunAsync("score", "--db", database, "--as-of", AsOf, "--account", Id(third), "--top", "0");
        Assert.Contains($"Model grades of {owners.Values.Count(o => o == third):N0} leads", scoreThird.Output, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task ScopedCommands_ShowOnlyTheAccountsRows_AndAnswerAnotherAccountsLeadOrCampaignAsAMissingOne()
    {
        // Given
        var database = await ImportGeneratedAsync();
        var owners = await OwnersOfLeadsAsync(database);
        var small = owners.Values.GroupBy(owner => owner).OrderBy(g => g.Count()).ThenBy(g => g.Key.Value).First(g => g.Count() >= 10);
        var account = small.Key;
        var ownLeads = owners.Where(pair => pair.Value == account).Select(pair => pair.Key.Value).Order().ToList();
        var otherLead = owners.First(pair => pair.Value != account).Key;
        List<Campaign> campaigns;
        await using (var store = await StoreFactory.OpenAsync(database, mustExist: true, CancellationToken.None))
        {
            campaigns = await store.ReadCampaignsAsync(CancellationToken.None).ToListAsync();
        }

        var otherCampaign = campaigns.First(c => c.UserId != account).Id;

        // When
        var status = await CliRun.RunAsync("status", "--db", database, "--account", Id(account));
        var exported = _folder.Combine("exported");
        var export = await CliRun.RunAsync("export", exported, "--db", database, "--account", Id(account));
        var reimported = _folder.Combine("reimported.db");
        var import = await CliRun.RunAsync("import", exported, "--db", reimported);

        // Then: status and export hold exactly the account's rows
        Assert.Equal((ExitCodes.Success, ExitCodes.Success, ExitCodes.Success), (status.ExitCode, export.ExitCode, import.ExitCode));
        Assert.Matches($@"Leads\s+│\s+{ownLeads.Count:N0}\s", status.Output);
        Assert.Matches($@"Campaigns\s+│\s+{campaigns.Count(c => c.UserId == account):N0}\s", status.Output);
        Assert.Matches(@"Users\s+│\s+1\s", status.Output);
        await using (var copy = await StoreFactory.OpenAsync(reimported, mustExist: true, CancellationToken.None))
        {
            Assert.Equal(ownLeads, await copy.ReadLeadsAsync(CancellationToken.None).Select(l => l.Id.Value).ToListAsync());
            Assert.All(await copy.ReadCampaignsAsync(CancellationToken.None).ToListAsync(), c => Assert.Equal(account, c.UserId));
            Assert.Equal([account], await copy.ReadUsersAsync(CancellationToken.None).Select(u => u.Id).ToListAsync());
        }

        // and another account's lead or campaign answers exactly as one that does not exist
        await AssertAnswersAsMissingAsync(database, otherLead.Value, 987_654_321, "explain", "{0}", "--account", Id(account));
        var train = await CliRun.RunAsync("train", "--db", database, "--folds", "3");
        Assert.Equal(ExitCodes.Success, train.ExitCode);
        await AssertAnswersAsMissingAsync(database, otherLead.Value, 987_654_321, "recommend", "{0}", "--account", Id(account));
        await AssertAnswersAsMissingAsync(database, otherCampaign.Value, 987_654_321, "recommend", "--campaign", "{0}", "--account", Id(account));
        var ownRecommendation = await CliRun.RunAsync("recommend", ownLeads[0].ToString(System.Globalization.CultureInfo.InvariantCulture), "--db", database, "--account", Id(account));
        Assert.Equal(ExitCodes.Success, ownRecommendation.ExitCode);
        Assert.Contains("Recommended sequence", ownRecommendation.Output, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Train_ForAnAccountWithTooFewReplies_IsRefusedNamingIt_AndAnUnknownAccountIsAClearError()
    {
        // Given: the account with the fewest leads
        var database = await ImportGeneratedAsync();
        var owners = await OwnersOfLeadsAsync(database);
        var smallest = owners.Values.GroupBy(owner => owner).OrderBy(g => g.Count()).First().Key;

        // When
        var train = await CliRun.RunAsync("train", "--db", database, "--folds", "3", "--account", Id(smallest));
        var unknown = await Task.WhenAll(new[] { "status", "score", "train" }.Select(command => CliRun.RunAsync(command, "--db", database, "--account", "987654321")));

        // Then
        Assert.Equal(ExitCodes.BadInput, train.ExitCode);
        Assert.Contains($"Account {Id(smallest)}: Training needs at least", Flat(train.Output), StringComparison.Ordinal);
        Assert.All(unknown, run => Assert.Equal(ExitCodes.BadInput, run.ExitCode));
        Assert.All(unknown, run => Assert.Contains("--account: There is no account (user) 987654321 in", Flat(run.Output), StringComparison.Ordinal));
        await using var store = await StoreFactory.OpenAsync(database, mustExist: true, CancellationToken.None);
        Assert.Empty(await store.ReadModelsAsync(CancellationToken.None).ToListAsync());
    }

    private static string Id(UserId account) => account.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Flat(string output) => WhiteSpace().Replace(output, " ");

    /// <summary>
    /// Runs a command (<c>{0}</c> in its arguments) for an id of another account and for one that does not exist, and
    /// asserts both exit 1 with the same message, the id aside.
    /// </summary>
    private static async Task AssertAnswersAsMissingAsync(string database, long otherId, long missingId, params string[] template)
    {
        async Task<(int ExitCode, string Message)> RunAsync(long id)
        {
            var run = await CliRun.RunAsync([.. template.Select(a => a == "{0}" ? id.ToString(System.Globalization.CultureInfo.InvariantCulture) : a), "--db", database]);
            return (run.ExitCode, Regex.Replace(Flat(run.Output), $@"\b{id}\b", "#"));
        }

        var other = await RunAsync(otherId);
        var missing = await RunAsync(missingId);

        Assert.Equal(ExitCodes.BadInput, other.ExitCode);
        Assert.Equal(missing, other);
        Assert.Contains("#", other.Message, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    private async Task<string> ImportGeneratedAsync()
    {
        var export = _folder.Combine("export");
        var database = await CreateLocationAsync(_folder);
        Assert.Equal(ExitCodes.Success, (await CliRun.RunAsync("generate", "--leads", "6000", "--seed", "3", "--out", export)).ExitCode);
        Assert.Equal(ExitCodes.Success, (await CliRun.RunAsync("import", export, "--db", database)).ExitCode);
        return database;
    }

    /// <summary>Each lead's account: the user owning its campaign, read store-wide.</summary>
    private static async Task<Dictionary<LeadId, UserId>> OwnersOfLeadsAsync(string database)
    {
        await using var store = await StoreFactory.OpenAsync(database, mustExist: true, CancellationToken.None);
        var campaigns = await store.ReadCampaignsAsync(CancellationToken.None).ToDictionaryAsync(c => c.Id, c => c.UserId);
        return await store.ReadLeadsAsync(CancellationToken.None).ToDictionaryAsync(l => l.Id, l => campaigns[l.CampaignId]);
    }
}

/// <summary>The suite on a SQLite file.</summary>
public sealed class SqliteAccountCommandTests : AccountCommandTests
{
    private protected override Task<string> CreateLocationAsync(TempFolder folder) => Task.FromResult(folder.Combine("leadwise.db"));
}

/// <summary>The suite on the assembly's throwaway PostgreSQL server, a schema per store.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresAccountCommandTests(PostgresServerFixture server) : AccountCommandTests
{
    private protected override Task<string> CreateLocationAsync(TempFolder folder) => server.CreateStoreLocationAsync(CancellationToken.None);
}
