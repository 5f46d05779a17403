using System.Text.RegularExpressions;
using Leadwise.Core.Outreach;
using Leadwise.Data.Sqlite;

namespace Leadwise.Cli.Tests;

/// <summary>
/// <c>leadwise recommend</c> on one generated store: no sequence model yet is an error; after <c>train</c> a lead gets a
/// message per step of its campaign from its own user's campaigns, with the current sequence and the uplift; a campaign
/// gets one sequence; unknown ids exit 1.
/// </summary>
public sealed class RecommendCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Recommend_NeedsATrainedModel_ThenShowsEveryStepTheCurrentSequenceAndTheUplift()
    {
        var export = _folder.Combine("export");
        var database = _folder.Combine("leadwise.db");
        Assert.Equal(ExitCodes.Success, (await CliRun.RunAsync("generate", "--leads", "4000", "--seed", "5", "--out", export)).ExitCode);
        Assert.Equal(ExitCodes.Success, (await CliRun.RunAsync("import", export, "--db", database)).ExitCode);

        var (lead, campaigns, steps) = await PickLeadAsync(database);
        var untrained = await CliRun.RunAsync("recommend", lead.Id.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), "--db", database);
        Assert.Equal(ExitCodes.BadInput, untrained.ExitCode);
        Assert.Contains("run `leadwise train` first", untrained.Output, StringComparison.Ordinal);

        var train = await CliRun.RunAsync("train", "--db", database, "--folds", "3");
        Assert.Equal(ExitCodes.Success, train.ExitCode);
        Assert.Contains("Saved the sequence model as version 2 and promoted it", train.Output, StringComparison.Ordinal);

        var run = await CliRun.RunAsync("recommend", lead.Id.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), "--db", database, "--runners-up", "2");
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("Recommended sequence", run.Output, StringComparison.Ordinal);
        Assert.Contains("Current sequence", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"Expected uplift: [+-]?\d+\.\d percentage points \(reply probability \d+\.\d % current → \d+\.\d % recommended\)", run.Output);
        for (var step = 0; step < steps; step++)
        {
            // Each step's recommended message is rendered, and is a message of that step from the lead's user's campaigns.
            var match = Regex.Match(run.Output, $@"Step {step} \(({step})-(\d+)\): ");
            Assert.True(match.Success, $"step {step} is missing:\n{run.Output}");
            Assert.Contains(new CampaignId(long.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)), campaigns);
            Assert.Contains(new MessageKey(lead.CampaignId, step).ToString(), run.Output, StringComparison.Ordinal); // the current sequence
        }

        Assert.DoesNotMatch($@"Step {steps} \(", run.Output);

        var campaign = await CliRun.RunAsync("recommend", "--campaign", lead.CampaignId.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), "--db", database);
        Assert.Equal(ExitCodes.Success, campaign.ExitCode);
        Assert.Matches(@"Expected replies: \d+\.\d recommended vs \d+\.\d current \(uplift [+-]?\d+\.\d\)", campaign.Output);
        Assert.Matches($@"│ {steps - 1} +│ {steps - 1}-\d+ ", campaign.Output);

        var unknownLead = await CliRun.RunAsync("recommend", "12345", "--db", database);
        Assert.Equal(ExitCodes.BadInput, unknownLead.ExitCode);
        Assert.Contains("There is no lead 12345", unknownLead.Output, StringComparison.Ordinal);
        var unknownCampaign = await CliRun.RunAsync("recommend", "--campaign", "12345", "--db", database);
        Assert.Equal(ExitCodes.BadInput, unknownCampaign.ExitCode);
        Assert.Contains("Campaign 12345 is unknown", unknownCampaign.Output, StringComparison.Ordinal);

        var explore = await CliRun.RunAsync("recommend", lead.Id.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), "--db", database, "--explore", "--explore-seed", "3");
        Assert.Equal(ExitCodes.Success, explore.ExitCode);
        Assert.Contains("Exploring (Thompson sampling)", explore.Output, StringComparison.Ordinal);
        Assert.Equal(explore.Output, (await CliRun.RunAsync("recommend", lead.Id.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), "--db", database, "--explore", "--explore-seed", "3")).Output);

        // The same trained store answers the message questions: what works per step, and how a draft would do.
        var insights = await CliRun.RunAsync("messages", "insights", "--db", database);
        Assert.Equal(ExitCodes.Success, insights.ExitCode);
        Assert.Matches(@"invite \(step 0\): [0-9,]+ sends, [0-9,]+ replies, reply rate \d+\.\d\d %", insights.Output);
        Assert.Contains("language match", insights.Output, StringComparison.Ordinal);
        Assert.Contains("Message factors, sequence model v", insights.Output, StringComparison.Ordinal);
        Assert.Matches(@"\d+\.\d\d \(\d+\.\d\d–\d+\.\d\d\)", insights.Output);
        var id = lead.CampaignId.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var draft = await CliRun.RunAsync("messages", "score", "--campaign", id, "--step", "1", "--text", "Hi {{ first_name }}, worth a quick call?", "--db", database);
        Assert.Equal(ExitCodes.Success, draft.ExitCode);
        Assert.Matches(@"Draft: predicted reply rate at this step \d+\.\d\d %", draft.Output);
        Assert.Matches(@"draft − current [+-]?\d+\.\d\d percentage points; the draft is predicted better for \d+ % of the leads", draft.Output);
        var badStep = await CliRun.RunAsync("messages", "score", "--campaign", id, "--step", "9", "--text", "Hi", "--db", database);
        Assert.Equal(ExitCodes.Usage, badStep.ExitCode);
        Assert.Contains($"--step must be between 0 and {OutreachSteps.LastFollowUp}", badStep.Output, StringComparison.Ordinal);
        var noCampaign = await CliRun.RunAsync("messages", "score", "--campaign", "12345", "--step", "1", "--text", "Hi", "--db", database);
        Assert.Equal(ExitCodes.BadInput, noCampaign.ExitCode);
        Assert.Contains("There is no campaign 12345", noCampaign.Output, StringComparison.Ordinal);
    }

    /// <summary>An invited lead, the campaigns of its campaign's user and type, and how many steps its campaign has.</summary>
    private static async Task<(Lead Lead, IReadOnlyList<CampaignId> Campaigns, int Steps)> PickLeadAsync(string database)
    {
        await using var store = await SqliteLeadwiseStore.OpenAsync(database, CancellationToken.None);
        var campaigns = new List<Campaign>();
        await foreach (var campaign in store.ReadCampaignsAsync(CancellationToken.None))
        {
            campaigns.Add(campaign);
        }

        foreach (var campaign in campaigns)
        {
            var messages = await store.ReadMessagesOfCampaignAsync(campaign.Id, CancellationToken.None);
            if (!messages.Any(m => m.Order == 0))
            {
                continue;
            }

            await foreach (var lead in store.ReadLeadsOfCampaignAsync(campaign.Id, CancellationToken.None))
            {
                var steps = 0;
                while (messages.Any(m => m.Order == steps))
                {
                    steps++;
                }

                var own = campaigns.Where(c => c.UserId == campaign.UserId && c.Type == campaign.Type).Select(c => c.Id).ToList();
                return (lead, own, steps);
            }
        }

        throw new InvalidOperationException("The generated store has no campaign with an invite message and a lead.");
    }
}
