using System.Reflection;
using Leadwise.Core.Engagement;
using Leadwise.Core.Outreach;
using Leadwise.Core.Scoring;
using Leadwise.Learning.Features;

namespace Leadwise.Learning.Tests.Features;

public sealed class PreContactFactsTests
{
    private static readonly DateTimeOffset Invited = new(2024, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static Lead Lead(bool replied) => new()
    {
        Id = new LeadId(1),
        CampaignId = new CampaignId(2),
        Title = "Head of Sales",
        Email = "kim@beispiel-ag.de",
        Country = "Germany",
        Gender = "female",
        CompanyName = "Beispiel AG",
        InviteSentAt = Invited,
        InviteAccepted = replied,
        FirstFollowUpSentAt = replied ? Invited.AddDays(2) : null,
        Replied = replied,
    };

    private static EngagementEvent Event(string type, DateTimeOffset at) => new() { LeadId = new LeadId(1), Type = type, OccurredAt = at };

    [Fact]
    public void TheType_HoldsNothingOnlyKnownAfterTheInvite()
    {
        var names = typeof(PreContactFacts).GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name).ToList();

        foreach (var outcome in new[] { "Replied", "InviteAccepted", "Lead", "Events", "StepsSent", "ReplyStep", "Campaign", "NumOfRepliesReceived" })
        {
            Assert.DoesNotContain(outcome, names);
        }

        Assert.DoesNotContain(names, name => name.Contains("FollowUp", StringComparison.Ordinal));
    }

    [Fact]
    public void Features_AreTheSame_WhetherOrNotTheLeadReplied_AndIgnoreEventsAfterTheInvite()
    {
        // Given: the same lead in the same campaign, once a replier (accepted, five follow-ups, a reply, later events,
        // the campaign's counters grown by its answer), once silent with the campaign as it stood at the invite
        var atInvite = new Campaign { Id = new CampaignId(2), UserId = new UserId(77), Type = "OutreachSalesNav", NumOfLeads = 40, NumOfInvitesSent = 10 };
        var afterReply = atInvite with { NumOfInvitesAccepted = 9, NumOfRepliesReceived = 8, FirstFollowUpsSent = 7, Status = "finished", UpdatedAt = Invited.AddDays(30) };
        var replierLead = Lead(replied: true) with
        {
            SecondFollowUpSentAt = Invited.AddDays(4),
            ThirdFollowUpSentAt = Invited.AddDays(6),
            FourthFollowUpSentAt = Invited.AddDays(8),
            FifthFollowUpSentAt = Invited.AddDays(10),
            FirstEmailFollowUpSentAt = Invited.AddDays(11),
            ExistingMessagesCount = 6,
            InviteAttempts = 2,
            Skip = true,
            SkipReason = "replied",
            UpdatedAt = Invited.AddDays(12),
        };
        var replier = new LeadFacts(replierLead, afterReply, null,
        [
            Event(EventTypes.PricingPageView, Invited.AddDays(-3)),
            Event(EventTypes.PricingPageView, Invited.AddDays(3)),
            Event(EventTypes.PricingPageView, Invited.AddDays(5)),
            Event(EventTypes.EmailReply, Invited.AddDays(4)),
            Event(EventTypes.LinkedInInviteAccepted, Invited.AddDays(1)),
        ]);
        var silent = new LeadFacts(Lead(replied: false), atInvite, null, [Event(EventTypes.PricingPageView, Invited.AddDays(-3))]);
        // (with every optional group: the default rules give points for a reply, an accepted invite and each pricing view)
        var options = LeadFeatureOptions.Conversion with { MinimumTitleWordLeads = 1, MinimumCampaignOwnerLeads = 1 };
        var encoder = LeadFeatureEncoder.Fit([PreContactFacts.Of(replier)!, PreContactFacts.Of(silent)!], options);

        // When
        var replierFeatures = encoder.Encode(PreContactFacts.Of(replier)!);
        var silentFeatures = encoder.Encode(PreContactFacts.Of(silent)!);

        // Then: every feature, the title tokens, the owner and the point subtotals among them, is the same
        var names = encoder.FeatureNames.ToList();
        var differing = names.Where((_, i) => replierFeatures[i] != silentFeatures[i] && !(float.IsNaN(replierFeatures[i]) && float.IsNaN(silentFeatures[i])));
        Assert.Empty(differing);
        Assert.Equal(MathF.Log(2), replierFeatures[names.IndexOf("eventsBefore=" + EventTypes.PricingPageView)]);
        Assert.Equal(1, replierFeatures[names.IndexOf("seniority=Director")]);
        Assert.Equal([1f, 1f], new[] { "titleWord=head", "titleWord=sales" }.Select(n => replierFeatures[names.IndexOf(n)]));
        Assert.Equal(1, replierFeatures[names.IndexOf("campaignOwner=77")]);
        Assert.Equal(MathF.Log2(41), replierFeatures[names.IndexOf("campaign.log2Size")], 5);
        Assert.True(replierFeatures[names.IndexOf("points.Demographics")] > 0, "a director in Germany earns demographic points");
        // the default rules' 10 points per pricing view, halved every 30 days: the one view 3 days before the invite, not the two after it
        Assert.Equal(10 * Math.Pow(0.5, 3 / 30.0), replierFeatures[names.IndexOf("points.Website")], 3);
    }

    [Fact]
    public void EventsBeforeTheLeadsCreation_CountAsPreContactEngagement()
    {
        // Given a lead created a day before its invite whose person visited months earlier (a pre-contact history)
        var created = Invited.AddDays(-1);
        var known = new LeadFacts(Lead(replied: false) with { CreatedAt = created }, null, null,
            [Event(EventTypes.PageView, created.AddDays(-200)), Event(EventTypes.PageView, created.AddDays(-90)), Event(EventTypes.PricingPageView, created.AddDays(-30)), Event(EventTypes.PageView, Invited.AddDays(2))]);
        var unknown = new LeadFacts(Lead(replied: false) with { Id = new LeadId(2), CreatedAt = created }, null, null, []);

        // When
        var facts = PreContactFacts.Of(known)!;
        var encoder = LeadFeatureEncoder.Fit([facts, PreContactFacts.Of(unknown)!]);
        float Feature(PreContactFacts lead, string type) => encoder.Encode(lead)[encoder.FeatureNames.ToList().IndexOf("eventsBefore=" + type)];

        // Then the events before createdAt are seen, the one after the invite is not, and they count as log(1 + n)
        Assert.Equal([created.AddDays(-200), created.AddDays(-90), created.AddDays(-30)], facts.EventsBefore.Select(e => e.OccurredAt));
        Assert.Equal(MathF.Log(3), Feature(facts, EventTypes.PageView));
        Assert.Equal(MathF.Log(2), Feature(facts, EventTypes.PricingPageView));
        Assert.Equal(0, Feature(PreContactFacts.Of(unknown)!, EventTypes.PageView));
    }

    [Fact]
    public void AnEncoderSavedBeforeLogCounts_StillReadsRawCounts()
    {
        // Given a model card's encoder as saved before event counts went on a log scale (no LogEventCounts in its JSON)
        var created = Invited.AddDays(-1);
        var lead = PreContactFacts.Of(new LeadFacts(Lead(replied: false) with { CreatedAt = created }, null, null,
            [Event(EventTypes.PageView, created.AddDays(-200)), Event(EventTypes.PageView, created.AddDays(-90))]))!;
        var saved = System.Text.Json.JsonSerializer.Deserialize<EncoderState>("""{"Countries":["DE"],"CampaignTypes":["linkedin"]}""", Leadwise.Learning.Model.ConversionModel.Json)!;

        // When it is restored and encodes a lead with two page views
        var restored = LeadFeatureEncoder.Restore(saved);
        var fitted = LeadFeatureEncoder.Fit([lead]);
        float PageViews(LeadFeatureEncoder encoder) => encoder.Encode(lead)[encoder.FeatureNames.ToList().IndexOf("eventsBefore=" + EventTypes.PageView)];

        // Then it reads them raw, as it was trained, while a freshly fitted encoder reads log(1 + 2) and says so in its state
        Assert.Equal(2, PageViews(restored));
        Assert.Equal(MathF.Log(3), PageViews(fitted));
        Assert.True(System.Text.Json.JsonSerializer.Deserialize<EncoderState>(System.Text.Json.JsonSerializer.Serialize(fitted.State, Leadwise.Learning.Model.ConversionModel.Json), Leadwise.Learning.Model.ConversionModel.Json)!.LogEventCounts);
    }

    [Fact]
    public void PointSubtotals_AreThoseOfTheLeadAsItStoodAtTheInvite()
    {
        // Given a replier whose stored points would include its reply, its accepted invite and a later pricing view
        var replier = new LeadFacts(Lead(replied: true), null, null, [Event(EventTypes.PricingPageView, Invited.AddDays(-3)), Event(EventTypes.PricingPageView, Invited.AddDays(3))]);
        var engine = new Leadwise.Scoring.Engine.ScoringEngine(Leadwise.Scoring.Rules.RulesLoader.LoadDefault());
        var atInvite = new LeadFacts(Lead(replied: false) with { InviteAccepted = null }, null, null, [Event(EventTypes.PricingPageView, Invited.AddDays(-3))]);

        // When
        var facts = PreContactFacts.Of(replier)!.AsLeadFacts();

        // Then: the same subtotals as a lead that had not yet answered, scored at its invite
        Assert.Null(facts.Lead.Replied);
        Assert.Null(facts.Lead.InviteAccepted);
        Assert.Equal(1, facts.Lead.StepsSent); // the invite, no follow-up
        Assert.Equal(engine.Score(atInvite, Invited).Subtotals, engine.Score(facts, Invited).Subtotals);
        Assert.NotEqual(engine.Score(replier, Invited.AddDays(5)).Total, engine.Score(facts, Invited).Total);
    }

    [Fact]
    public void TitleWords_FrequentEnoughAreFlagged_AndCampaignOwnersOneHot()
    {
        var campaign = new Campaign { Id = new CampaignId(2), UserId = new UserId(77), Type = "OutreachSalesNav" };
        PreContactFacts Facts(long id, string title) => PreContactFacts.Of(new LeadFacts(Lead(false) with { Id = new LeadId(id), Title = title }, campaign, null, []))!;
        var training = new[] { Facts(1, "Head of Sales"), Facts(2, "Sales Manager"), Facts(3, "Einkauf Leitung") };
        var encoder = LeadFeatureEncoder.Fit(training, new LeadFeatureOptions { TitleWords = true, MinimumTitleWordLeads = 2, MinimumTitleWordShare = 0, CampaignOwner = true, MinimumCampaignOwnerLeads = 3 });
        float Feature(PreContactFacts lead, string name) => encoder.Encode(lead)[encoder.FeatureNames.ToList().IndexOf(name)];

        Assert.Equal(["titleWord=sales"], encoder.FeatureNames.Where(n => n.StartsWith("titleWord=", StringComparison.Ordinal)));
        Assert.Equal(1, Feature(Facts(4, "VP SALES"), "titleWord=sales"));
        Assert.Equal(0, Feature(Facts(5, "Einkauf"), "titleWord=sales"));
        Assert.Equal(1, Feature(Facts(6, "CEO"), "campaignOwner=77"));
        Assert.Equal(1, Feature(PreContactFacts.Of(new LeadFacts(Lead(false), campaign with { UserId = new UserId(5) }, null, []))!, "campaignOwner=(other)"));
    }

    [Fact]
    public void AnEncoderRestoredFromItsState_EncodesTheSame()
    {
        var campaign = new Campaign { Id = new CampaignId(2), UserId = new UserId(77) };
        var lead = PreContactFacts.Of(new LeadFacts(Lead(true), campaign, null, [Event(EventTypes.PricingPageView, Invited.AddDays(-3))]))!;
        var encoder = LeadFeatureEncoder.Fit([lead], LeadFeatureOptions.Conversion with { MinimumTitleWordLeads = 1, MinimumCampaignOwnerLeads = 1 });

        var restored = LeadFeatureEncoder.Restore(encoder.State);

        Assert.Equal(encoder.FeatureNames, restored.FeatureNames);
        Assert.Equal(encoder.Encode(lead), restored.Encode(lead));
    }

    [Fact]
    public void LeadsNeverInvited_HaveNoPreContactFacts()
    {
        var facts = new LeadFacts(Lead(replied: false) with { InviteSentAt = null }, null, null, []);

        Assert.Null(PreContactFacts.Of(facts));
    }

    [Fact]
    public void Categories_UnseenWhenFitted_FallIntoOther()
    {
        var german = PreContactFacts.Of(new LeadFacts(Lead(false), null, null, []))!;
        var encoder = LeadFeatureEncoder.Fit([german]);

        var french = encoder.Encode(PreContactFacts.Of(new LeadFacts(Lead(false) with { Country = "France" }, null, null, []))!);

        Assert.Equal(1, french[encoder.FeatureNames.ToList().IndexOf("country=(other)")]);
        Assert.Equal(0, french[encoder.FeatureNames.ToList().IndexOf("country=Germany")]);
    }

    [Fact]
    public void Window_CountsTheStepsThatCouldReachTheLeadBeforeTheDataEnds_AndScoringSeesTheWholeSequence()
    {
        // Given a campaign: invite, then follow-ups 3 and 4 days apart; its outreach ends 5 days after this lead's invite
        Message Step(int order, double? interval) => new() { CampaignId = new CampaignId(2), Order = order, Content = "Hallo {{ first_name }}", IntervalDays = interval };
        IReadOnlyList<Message> messages = [Step(0, null), Step(1, 3), Step(2, 4)];
        var other = Lead(false) with { Id = new LeadId(9), InviteSentAt = Invited.AddDays(1), FirstFollowUpSentAt = Invited.AddDays(5) };
        var ends = OutreachWindow.CampaignEnds([Lead(false), other]);
        var facts = new LeadFacts(Lead(false), null, null, []);

        // When
        var training = PreContactFacts.Of(facts, messages, ends[new CampaignId(2)])!;
        var scoring = PreContactFacts.ForScoring(facts, messages, Invited.AddDays(30));
        var encoder = LeadFeatureEncoder.Fit([training]);

        // Then: two steps (day 0 and day 3) fit in five days; a lead scored for the future has all three ahead
        float Feature(PreContactFacts lead, string name) => encoder.Encode(lead)[encoder.FeatureNames.ToList().IndexOf(name)];
        Assert.Equal(5, training.ObservedDays!.Value, precision: 9);
        Assert.Equal((5f, 2f), (Feature(training, "window.days"), Feature(training, "window.stepsInReach")));
        Assert.Null(scoring.ObservedDays);
        Assert.Equal((60f, 3f), (Feature(scoring, "window.days"), Feature(scoring, "window.stepsInReach")));
    }
}
