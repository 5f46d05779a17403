using Leadwise.Data.Sqlite;
using Leadwise.Learning.Features;
using Leadwise.Learning.Model;
using Leadwise.Learning.Registry;
using Leadwise.Learning.Training;

namespace Leadwise.Cli.Tests;

/// <summary>
/// <c>leadwise explain</c> names the campaign owner in the model's reasons by the account's company name, and a
/// reader scoped with <c>--account</c> sees another account only as "another account", never its name or id. The
/// lead is one whose reasons the promoted model itself says mention the owner (read through the library).
/// </summary>
public sealed class OwnerReasonTests : IDisposable
{
    private const string AsOf = "2024-06-30T00:00:00Z";
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Explain_NamesTheCampaignOwnerByItsCompany_AndAnotherAccountOnlyAsAnotherAccount_WhenScoped()
    {
        // Given: a generated store and a promoted conversion model that keeps the campaign-owner group whatever it adds
        // (trained through the library: `leadwise train` drops groups that do not help, and on this data the owner does
        // not), and a lead whose top reasons include its campaign owner against another named account
        var export = _folder.Combine("export");
        var database = _folder.Combine("leadwise.db");
        Assert.Equal(ExitCodes.Success, (await CliRun.RunAsync("generate", "--leads", "6000", "--seed", "3", "--out", export)).ExitCode);
        Assert.Equal(ExitCodes.Success, (await CliRun.RunAsync("import", export, "--db", database)).ExitCode);
        Core.Scoring.LeadFacts? lead = null;
        ModelFactor? owner = null;
        Dictionary<string, string?> companies;
        await using (var store = await SqliteLeadwiseStore.OpenAsync(database, CancellationToken.None))
        {
            companies = await store.ReadUsersAsync(CancellationToken.None).ToDictionaryAsync(u => u.Id.ToString(), u => u.CompanyName);
            var leads = await StoreLeads.ReadAsync(store, CancellationToken.None);
            var options = new ConversionTrainingOptions(Folds: 3, Seed: 1, Trainers: [TrainerKind.LogisticRegression], Importance: false,
                Features: LeadFeatureOptions.Conversion with { SelectGroups = false, MinimumCampaignOwnerLeads = 1 });
            var model = ConversionModelTrainer.Train(leads.Invited, leads.Replied, options, DateTimeOffset.UnixEpoch).Model;
            var registry = new ConversionModelRegistry(store, TimeProvider.System);
            await registry.PromoteAsync((await registry.SaveAsync(model, CancellationToken.None)).Version, CancellationToken.None);
            var asOf = DateTimeOffset.Parse(AsOf, System.Globalization.CultureInfo.InvariantCulture);
            foreach (var facts in leads.All.Where(f => f.Campaign is not null))
            {
                var preContact = PreContactFacts.ForScoring(facts, leads.Messages.GetValueOrDefault(facts.Lead.CampaignId) ?? [], asOf);
                owner = model.Explain(preContact).FirstOrDefault(f => f.Feature == FeatureWords.CampaignOwner && f.Value != f.Typical && companies.ContainsKey(f.Value) && companies.ContainsKey(f.Typical));
                if (owner is not null)
                {
                    lead = facts;
                    break;
                }
            }
        }

        Assert.True(lead is not null && owner is not null, "no lead's reasons mention two named campaign owners, so the test could not check the names");
        var ownerId = lead.Campaign!.UserId.ToString();
        Assert.Equal(ownerId, owner.Value);

        // When: explained install-wide, and scoped to the lead's own account
        var installWide = await CliRun.RunAsync("explain", lead.Lead.Id.ToString(), "--db", database, "--as-of", AsOf);
        var scoped = await CliRun.RunAsync("explain", lead.Lead.Id.ToString(), "--db", database, "--as-of", AsOf, "--account", ownerId);

        // Then: install-wide both owners are named by company; scoped, the own account is named and the typical one is not
        Assert.Equal((ExitCodes.Success, ExitCodes.Success), (installWide.ExitCode, scoped.ExitCode));
        Assert.Contains($"Campaign owner is {companies[ownerId]} (user {ownerId})", Flatten(installWide.Output), StringComparison.Ordinal);
        Assert.Contains($"Campaign owner is {companies[owner.Typical]} (user {owner.Typical})", Flatten(installWide.Output), StringComparison.Ordinal);
        Assert.Contains($"Campaign owner is {companies[ownerId]} (user {ownerId})", Flatten(scoped.Output), StringComparison.Ordinal);
        Assert.Contains("Campaign owner is another account", Flatten(scoped.Output), StringComparison.Ordinal);
        Assert.DoesNotContain($"user {owner.Typical})", Flatten(scoped.Output), StringComparison.Ordinal);
    }

    // The table wraps long cells over lines; joining the cell fragments of each row keeps the sentences whole.
    private static string Flatten(string output) => string.Join(' ', output.Split('\n').Select(l => l.Trim().Trim('│').Trim()));
}
