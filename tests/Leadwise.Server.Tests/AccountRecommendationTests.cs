using System.Net;
using System.Text.Json;
using Leadwise.Core.Outreach;
using Leadwise.Core.Scoring;
using Leadwise.Data.Postgres;
using Leadwise.Data.Storage;
using Leadwise.Learning.Features;
using Leadwise.Learning.Training;
using Leadwise.Recommend.Hazards;
using Leadwise.Recommend.Modeling;
using Leadwise.Recommend.Recommending;
using Leadwise.Recommend.Registry;
using Leadwise.Testing;
using Leadwise.Testing.Postgres;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Leadwise.Server.Tests;

/// <summary>
/// Per-account sequence models over real HTTP, on copies of the generated store (its install-wide sequence model
/// promoted): two accounts with sequence models of their own promoted get <c>/recommend</c> and the campaign
/// recommendation of their own model — exactly what the library's recommender computes with that model — and a third
/// account the install-wide model's; a second node on one PostgreSQL store picks up an account's promotion made through
/// the first.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class AccountRecommendationTests(ServerStore generated, PostgresServerFixture postgres) : IClassFixture<ServerStore>, IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }

    [Fact]
    public async Task Should_RecommendWithEachAccountsOwnPromotedSequenceModel_AndTheInstallWideOneForAnAccountWithout()
    {
        // Given: the store copied, the largest account's own model trained on its leads, the second's on every other
        // account's leads, both promoted for their account; the third account has no model of its own
        var database = _directory.File("accounts.db");
        await generated.CopyToAsync(database);
        World world;
        await using (var store = await StoreFactory.OpenAsync(database, mustExist: true, CancellationToken.None))
        {
            world = await World.ReadAsync(store);
            await world.PromoteOwnModelsAsync(store);
        }

        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = Host(database, recheckSeconds: null, time);
        var client = host.CreateClient();

        // When / Then: each account's lead is recommended by the model its account is served
        foreach (var (account, model) in new[] { (world.First, world.FirstsModel!), (world.Second, world.SecondsModel!), (world.Third, world.InstallWide) })
        {
            var lead = world.InvitedLeadOf(account);
            var answer = await RecommendationAsync(client, lead.Lead.Id);
            Assert.Equal(world.Expected(model, lead), answer);
        }

        // and the test can tell the models apart: the accounts' own models recommend otherwise than the install-wide one
        foreach (var (account, model) in new[] { (world.First, world.FirstsModel!), (world.Second, world.SecondsModel!) })
        {
            var lead = world.InvitedLeadOf(account);
            Assert.NotEqual(world.Expected(world.InstallWide, lead), world.Expected(model, lead));
        }

        // the campaign recommendation of the first account's campaign comes from its own model, the third's from the
        // install-wide one (over the leads the server picks, seen at the server's moment)
        foreach (var (account, model) in new[] { (world.First, world.FirstsModel!), (world.Third, world.InstallWide) })
        {
            var (campaign, leads) = world.CampaignOf(account);
            var expected = new SequenceRecommender(model, world.Campaigns, world.Leads.Messages, time: time).RecommendCampaign(campaign, leads);
            var detail = await JsonAsync(await client.GetAsync($"/api/campaigns/{campaign.Value}"));
            var recommendation = detail.GetProperty("recommendation");
            Assert.Equal(expected.Sequence.Select(k => k.ToString()), recommendation.GetProperty("messageIds").EnumerateArray().Select(m => m.GetString()));
            Assert.Equal(expected.Leads, recommendation.GetProperty("leads").GetInt32());
            Assert.Equal(expected.ExpectedReplies, recommendation.GetProperty("expectedReplies").GetDouble(), 9);
        }
    }

    [SkippableFact]
    public async Task TwoNodesOnOnePostgresStore_AnAccountsSequenceModelPromotedThroughOne_IsServedByTheOther()
    {
        // Given: the generated store in PostgreSQL and two nodes re-checking every second; the first account's lead is
        // recommended by the install-wide model on both
        var location = await postgres.CreateStoreLocationAsync(CancellationToken.None);
        await generated.CopyToAsync(location);
        await using var nodeA = Host(location, recheckSeconds: "1");
        await using var nodeB = Host(location, recheckSeconds: "1");
        World world;
        await using (var store = await StoreFactory.OpenAsync(location, mustExist: true, CancellationToken.None))
        {
            world = await World.ReadAsync(store);
        }

        var lead = world.InvitedLeadOf(world.First);
        var (clientA, clientB) = (nodeA.CreateClient(), nodeB.CreateClient());
        Assert.Equal(world.Expected(world.InstallWide, lead), await RecommendationAsync(clientB, lead.Lead.Id));
        Assert.Equal(world.Expected(world.InstallWide, lead), await RecommendationAsync(clientA, lead.Lead.Id));

        // When: the first account's own model is saved and promoted through node A's store
        var registry = new HazardModelRegistry(nodeA.Services.GetRequiredService<ILeadwiseStore>(), TimeProvider.System, world.First);
        var version = (await registry.SaveAsync(await World.TrainAsync(world.Leads.All.Where(f => f.Campaign?.UserId == world.First), world.Leads.Messages), CancellationToken.None)).Version;
        await registry.PromoteAsync(version, CancellationToken.None);
        var own = await registry.LoadAsync(version, CancellationToken.None);

        // Then: node B answers with the account's model within a few seconds (15 s is only the give-up point), and other
        // accounts keep the install-wide one
        var expected = world.Expected(own, lead);
        Assert.NotEqual(world.Expected(world.InstallWide, lead), expected);
        var deadline = DateTime.UtcNow.AddSeconds(15);
        var served = await RecommendationAsync(clientB, lead.Lead.Id);
        while (!served.Equals(expected) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            served = await RecommendationAsync(clientB, lead.Lead.Id);
        }

        Assert.Equal(expected, served);
        var third = world.InvitedLeadOf(world.Third);
        Assert.Equal(world.Expected(world.InstallWide, third), await RecommendationAsync(clientB, third.Lead.Id));
    }

    private static async Task<Answer> RecommendationAsync(HttpClient client, LeadId lead)
    {
        var body = await JsonAsync(await client.GetAsync($"/recommend?leadId={lead.Value}"));
        var steps = body.GetProperty("data").EnumerateArray().ToList();
        return new Answer(
            string.Join(',', steps.Select(s => s.GetProperty("messageId").GetString())),
            string.Join(',', steps.Select(s => s.GetProperty("predictedReplyProbability").GetDouble().ToString("R", System.Globalization.CultureInfo.InvariantCulture))));
    }

    private static WebApplicationFactory<Program> Host(string database, string? recheckSeconds, TimeProvider? time = null) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting(LeadwiseServer.DatabaseSetting, database);
            builder.UseSetting(LeadwiseServer.OpenReadsSetting, "true");
            if (recheckSeconds is not null)
            {
                builder.UseSetting("Leadwise:ModelRecheckSeconds", recheckSeconds);
            }

            if (time is not null)
            {
                builder.ConfigureTestServices(services => services.AddSingleton(time));
            }
        });


    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    /// <summary>A recommendation as compared: the message per step and its predicted reply probability (round-trip text).</summary>
    private sealed record Answer(string Messages, string Hazards);

    /// <summary>What the store holds, read as the test's own expectations are computed from it.</summary>
    private sealed class World
    {
        private World(StoreLeads leads, IReadOnlyList<Campaign> campaigns, IReadOnlyList<UserId> accounts, HazardModel installWide)
        {
            (Leads, Campaigns, InstallWide) = (leads, campaigns, installWide);
            Assert.True(accounts.Count >= 3, $"the generated store has leads of {accounts.Count} account(s)");
            (First, Second, Third) = (accounts[0], accounts[1], accounts[2]);
        }

        public StoreLeads Leads { get; }

        public IReadOnlyList<Campaign> Campaigns { get; }

        public HazardModel InstallWide { get; }

        public UserId First { get; }

        public UserId Second { get; }

        public UserId Third { get; }

        public HazardModel? FirstsModel { get; private set; }

        public HazardModel? SecondsModel { get; private set; }

        public static async Task<World> ReadAsync(ILeadwiseStore store)
        {
            var leads = await StoreLeads.ReadAsync(store, CancellationToken.None);
            var campaigns = await store.ReadCampaignsAsync(CancellationToken.None).ToListAsync();
            var accounts = leads.All.GroupBy(f => f.Campaign!.UserId).OrderByDescending(g => g.Count()).ThenBy(g => g.Key.Value).Select(g => g.Key).ToList();
            var installWide = (await new HazardModelRegistry(store, TimeProvider.System).LoadPromotedAsync(CancellationToken.None))!.Value.Model;
            return new World(leads, campaigns, accounts, installWide);
        }

        public static Task<HazardModel> TrainAsync(IEnumerable<LeadFacts> leads, IReadOnlyDictionary<CampaignId, IReadOnlyList<Message>> messages) =>
            Task.Run(() => HazardModel.Train(HazardRows.Build(leads, messages), new HazardModelOptions { Folds = 3, Trainers = [TrainerKind.LogisticRegression] }));

        /// <summary>
        /// The first account's own model on its leads, the second's on every other account's leads, each saved as that
        /// account's and promoted for it; kept as loaded back from the store, as the server loads them.
        /// </summary>
        public async Task PromoteOwnModelsAsync(ILeadwiseStore store)
        {
            FirstsModel = await SaveAndPromoteAsync(store, First, await TrainAsync(Leads.All.Where(f => f.Campaign?.UserId == First), Leads.Messages));
            SecondsModel = await SaveAndPromoteAsync(store, Second, await TrainAsync(Leads.All.Where(f => f.Campaign?.UserId != First), Leads.Messages));
        }

        private static async Task<HazardModel> SaveAndPromoteAsync(ILeadwiseStore store, UserId account, HazardModel model)
        {
            var registry = new HazardModelRegistry(store, TimeProvider.System, account);
            var version = (await registry.SaveAsync(model, CancellationToken.None)).Version;
            await registry.PromoteAsync(version, CancellationToken.None);
            return await registry.LoadAsync(version, CancellationToken.None);
        }

        /// <summary>An invited lead of the account whose campaign has messages (so the model has an invite to start from).</summary>
        public LeadFacts InvitedLeadOf(UserId account) =>
            Leads.All.First(f => f.Campaign?.UserId == account && f.Lead.InviteSentAt is not null && Leads.Messages.GetValueOrDefault(f.Lead.CampaignId) is { Count: > 0 });

        /// <summary>
        /// The account's largest campaign with messages, and the leads its recommendation is over: those not yet contacted,
        /// else all (as the server picks them; the test wants a campaign within <see cref="CampaignView.MaxLeads"/>).
        /// </summary>
        public (CampaignId Campaign, IReadOnlyList<LeadFacts> Leads) CampaignOf(UserId account)
        {
            var campaign = Leads.All.Where(f => f.Campaign?.UserId == account && Leads.Messages.GetValueOrDefault(f.Lead.CampaignId) is { Count: > 0 })
                .GroupBy(f => f.Lead.CampaignId)
                .OrderByDescending(g => g.Count())
                .ThenBy(g => g.Key.Value)
                .First();
            Assert.True(campaign.Count() <= CampaignView.MaxLeads, "the campaign has more leads than the server recommends over");
            var waiting = campaign.Where(f => f.Lead.InviteSentAt is null && f.Lead.Skip != true).ToList();
            return (campaign.Key, waiting.Count > 0 ? waiting : [.. campaign]);
        }

        /// <summary>What the library's recommender gives the lead with <paramref name="model"/>, over every campaign and message.</summary>
        public Answer Expected(HazardModel model, LeadFacts lead)
        {
            var recommended = new SequenceRecommender(model, Campaigns, Leads.Messages).Recommend(lead).Recommended;
            return new Answer(
                string.Join(',', recommended.Messages.Select(k => k.ToString())),
                string.Join(',', recommended.Hazards.Select(h => h.ToString("R", System.Globalization.CultureInfo.InvariantCulture))));
        }
    }
}
