using Leadwise.Core.Engagement;
using Leadwise.Core.Outreach;
using Leadwise.Core.Scoring;
using Leadwise.Data.Sqlite;
using Leadwise.Data.Storage;
using Leadwise.Learning.Features;
using Leadwise.Scoring.Engine;
using Leadwise.Scoring.Rules;
using Leadwise.Testing;
using Leadwise.Testing.Engagement;
using Leadwise.Testing.Outreach;

namespace Leadwise.Learning.Tests.Features;

/// <summary>The campaign-owner and point-subtotal slots of leads read from a real SQLite store, as <c>leadwise train</c> reads them.</summary>
public sealed class StoreLeadFeaturesTests
{
    private static readonly DateTimeOffset Invited = TestTime.Base;

    [Fact]
    public async Task OwnerAndPointSubtotalSlots_CarryEachLeadsValues_AsTheyStoodAtTheInvite()
    {
        // Given a store: user 1 owns campaign 100 (two invited leads), user 2 campaign 200 (one). Lead 1 viewed the
        // pricing page 3 days before its invite, then twice after it and replied; its stored point score (as of a week
        // later) holds all of that
        using var directory = new TempDirectory();
        await using var store = await SqliteLeadwiseStore.OpenAsync(directory.File("leadwise.db"), CancellationToken.None);
        var replier = new LeadBuilder().WithId(1).InCampaign(100).RepliedAtStep(2).Build();
        Lead[] leads = [replier, new LeadBuilder().WithId(2).InCampaign(100).SentStepsUpTo(1).Build(), new LeadBuilder().WithId(3).InCampaign(200).OwnedBy(2).SentStepsUpTo(0).Build()];
        EngagementEvent[] events =
        [
            new EngagementEventBuilder().OfLead(1).OfType(EventTypes.PricingPageView).At(Invited.AddDays(-3)).WithClientId("before").Build(),
            new EngagementEventBuilder().OfLead(1).OfType(EventTypes.PricingPageView).At(Invited.AddDays(1)).WithClientId("after-1").Build(),
            new EngagementEventBuilder().OfLead(1).OfType(EventTypes.PricingPageView).At(Invited.AddDays(2)).WithClientId("after-2").Build(),
            new EngagementEventBuilder().OfLead(1).OfType(EventTypes.EmailReply).At(Invited.AddDays(2)).WithClientId("reply").Build(),
        ];
        var engine = new ScoringEngine(RulesLoader.LoadDefault());
        var storedScore = engine.Score(new LeadFacts(replier, null, null, events), Invited.AddDays(7));
        await using (var writer = await store.BeginWriteAsync(StoreWriteMode.Incremental, CancellationToken.None))
        {
            await writer.UpsertAsync(new UserBuilder().WithId(1).Build(), CancellationToken.None);
            await writer.UpsertAsync(new UserBuilder().WithId(2).Build(), CancellationToken.None);
            await writer.UpsertAsync(new CampaignBuilder().WithId(100).OwnedBy(1).Build(), CancellationToken.None);
            await writer.UpsertAsync(new CampaignBuilder().WithId(200).OwnedBy(2).Build(), CancellationToken.None);
            foreach (var lead in leads)
            {
                await writer.UpsertAsync(lead, CancellationToken.None);
            }

            foreach (var engagement in events)
            {
                await writer.UpsertAsync(engagement, CancellationToken.None);
            }

            await writer.UpsertAsync(storedScore, CancellationToken.None);
            await writer.CommitAsync(CancellationToken.None);
        }

        // When
        var read = await StoreLeads.ReadAsync(store, CancellationToken.None);
        var options = new LeadFeatureOptions { CampaignOwner = true, MinimumCampaignOwnerLeads = 2, PointRules = RulesLoader.DefaultRulesText() };
        var encoder = LeadFeatureEncoder.Fit(read.Invited, options);
        var names = encoder.FeatureNames.ToList();
        float Feature(long lead, string name) => encoder.Encode(read.Invited.Single(f => f.LeadId == new LeadId(lead)))[names.IndexOf(name)];

        // Then: owner 1 has two training leads and its own slot; owner 2, with one, is "other"
        Assert.Equal(["campaignOwner=1", "campaignOwner=(other)"], names.Where(n => n.StartsWith("campaignOwner=", StringComparison.Ordinal)));
        Assert.Equal((1f, 1f, 0f), (Feature(1, "campaignOwner=1"), Feature(2, "campaignOwner=1"), Feature(3, "campaignOwner=1")));
        Assert.Equal(1f, Feature(3, "campaignOwner=(other)"));
        // one slot per rule category; lead 1's website points are its one pricing view before the invite (10 points,
        // halved every 30 days), not the stored score's, which counts both later views and the reply
        Assert.Equal(Enum.GetNames<ScoringModel>().Select(m => "points." + m), names.Where(n => n.StartsWith("points.", StringComparison.Ordinal)));
        Assert.Equal(10 * Math.Pow(0.5, 3 / 30.0), Feature(1, "points.Website"), 3);
        Assert.Equal(0f, Feature(2, "points.Website"));
        Assert.True(storedScore.Subtotals[ScoringModel.Website] > Feature(1, "points.Website") + 5, $"stored {storedScore.Subtotals[ScoringModel.Website]}");
        var (replierDemographics, silentDemographics) = (Feature(1, "points.Demographics"), Feature(2, "points.Demographics"));
        Assert.True(replierDemographics > 0, "a CTO in Germany earns demographic points");
        Assert.Equal(silentDemographics, replierDemographics); // same person fields; the reply and acceptance score nothing
        // the reply (Email) and the accepted invite (Social) carry points in the stored score, none in the features
        Assert.True(storedScore.Subtotals[ScoringModel.Email] > 0 && storedScore.Subtotals[ScoringModel.Social] > 0);
        Assert.Equal((0f, 0f), (Feature(1, "points.Email"), Feature(1, "points.Social")));
    }
}
