using System.Globalization;
using Leadwise.Core.Outreach;
using Leadwise.Core.Scoring;
using Leadwise.Generator.Truth;
using Leadwise.Learning.Features;
using Leadwise.Recommend.Recommending;
using Leadwise.Recommend.Tests.Support;
using Xunit.Abstractions;

namespace Leadwise.Recommend.Tests.Recommending;

public sealed class SequenceRecommenderTests(ITestOutputHelper output)
{
    private static GeneratedOutreach Generated => GeneratedOutreach.Get(20_000, 42);

    [Fact]
    public void Candidates_are_only_the_same_users_messages_of_the_same_campaign_type_unless_all_users()
    {
        var generated = Generated;
        var recommender = TrainedModels.Recommender(generated);
        var campaigns = generated.Campaigns.ToDictionary(c => c.Id);
        var campaign = generated.Campaigns.First(c => c.Type == "OutreachSalesNav" && generated.Messages.ContainsKey(c.Id));

        var own = recommender.Candidates(campaign.Id);
        var all = recommender.Candidates(campaign.Id, allUsers: true);

        Assert.All(own.SelectMany(step => step), m => Assert.Equal(campaign.UserId, campaigns[m.CampaignId].UserId));
        Assert.All(all.SelectMany(step => step), m => Assert.Equal(campaign.Type, campaigns[m.CampaignId].Type));
        Assert.Contains(all.SelectMany(step => step), m => campaigns[m.CampaignId].UserId != campaign.UserId);
        Assert.Equal(own.Count, all.Count);
        for (var step = 0; step < own.Count; step++)
        {
            Assert.All(own[step], m => Assert.Equal(step, m.Order));
        }
    }

    [Fact]
    public void Recommendations_never_use_another_users_messages_by_default()
    {
        var generated = Generated;
        var recommender = TrainedModels.Recommender(generated);
        var campaigns = generated.Campaigns.ToDictionary(c => c.Id);
        var leads = generated.Leads.Where(f => generated.Messages.ContainsKey(f.Lead.CampaignId)).Take(3_000).ToList();

        var own = recommender.Recommend(leads);
        var all = recommender.Recommend(leads, new RecommendOptions { AllUsers = true });

        foreach (var recommendation in own)
        {
            var user = campaigns[recommendation.Campaign].UserId;
            Assert.All(recommendation.Recommended.Messages, key => Assert.Equal(user, campaigns[key.CampaignId].UserId));
            Assert.All(recommendation.RunnersUp.SelectMany(step => step), c => Assert.Equal(user, campaigns[c.Message.CampaignId].UserId));
        }

        // The switch is real: with it, some leads get another account's messages.
        Assert.Contains(all, r => r.Recommended.Messages.Any(key => campaigns[key.CampaignId].UserId != campaigns[r.Campaign].UserId));
    }

    [Fact]
    public void Unknown_lead_and_unknown_campaign_give_clear_errors()
    {
        var recommender = TrainedModels.Recommender(Generated);
        var stranger = Generated.Leads[0].Lead with { Id = new LeadId(7), CampaignId = new CampaignId(123) };

        var lead = Assert.Throws<KeyNotFoundException>(() => recommender.Recommend(new LeadId(7)));
        var campaign = Assert.Throws<KeyNotFoundException>(() => recommender.Recommend(new LeadFacts(stranger, null, null, [])));
        var forCampaign = Assert.Throws<KeyNotFoundException>(() => recommender.RecommendCampaign(new CampaignId(123)));

        Assert.Contains("Lead 7 is unknown", lead.Message, StringComparison.Ordinal);
        Assert.Contains("Campaign 123 is unknown", campaign.Message, StringComparison.Ordinal);
        Assert.Contains("Campaign 123 is unknown", forCampaign.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Recommended_sequence_is_the_predicted_optimum_with_consistent_figures()
    {
        var generated = Generated;
        var recommender = TrainedModels.Recommender(generated);
        var leads = generated.Leads.Where(f => generated.Messages.ContainsKey(f.Lead.CampaignId)).Take(500).ToList();

        var recommendations = recommender.Recommend(leads);

        foreach (var r in recommendations)
        {
            var steps = generated.Messages[r.Campaign].Count;
            Assert.Equal(steps, r.Recommended.Messages.Count);
            Assert.Equal(Enumerable.Range(0, steps), r.Recommended.Messages.Select(m => m.Order));
            Assert.Equal(Enumerable.Range(0, steps).Select(step => new MessageKey(r.Campaign, step)), r.Current.Messages);
            Assert.True(r.Uplift >= -1e-12, "the current sequence is a candidate, so the optimum is at least as good");
            for (var step = 1; step < steps; step++)
            {
                Assert.True(r.Recommended.Cumulative[step] >= r.Recommended.Cumulative[step - 1]);
            }

            Assert.All(r.RunnersUp.SelectMany(step => step), c => Assert.True(c.ReplyProbability <= r.Recommended.ReplyProbability + 1e-12));
            var none = r.Recommended.Hazards.Aggregate(1.0, (product, h) => product * (1 - h));
            Assert.Equal(r.Recommended.Acceptance * (1 - none), r.Recommended.ReplyProbability, 12);
        }

        Assert.Contains(recommendations, r => r.Uplift > 0.001);
        var byId = recommender.Recommend(leads[0].Lead.Id);
        Assert.Equal(recommendations[0].Recommended.Messages, byId.Recommended.Messages);
        Assert.Equal(recommendations[0].Recommended.ReplyProbability, byId.Recommended.ReplyProbability, 12);
    }

    [Fact]
    public void Campaign_sequence_beats_its_current_one_on_its_waiting_leads()
    {
        var generated = Generated;
        var recommender = TrainedModels.Recommender(generated);
        var campaign = generated.Leads.Where(f => f.Lead.InviteSentAt is null && generated.Messages.ContainsKey(f.Lead.CampaignId))
            .GroupBy(f => f.Lead.CampaignId).OrderByDescending(g => g.Count()).First().Key;

        var result = recommender.RecommendCampaign(campaign);

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"campaign {campaign.Value}: {result.Leads} waiting leads, {string.Join(' ', result.Sequence)}: {result.ExpectedReplies:F1} expected replies against {result.CurrentExpectedReplies:F1}"));
        Assert.Equal(generated.Leads.Count(f => f.Lead.CampaignId == campaign && f.Lead.InviteSentAt is null && f.Lead.Skip != true), result.Leads);
        Assert.True(result.ExpectedReplies >= result.CurrentExpectedReplies);
        Assert.Equal(generated.Messages[campaign].Count, result.Sequence.Count);
    }

    [Fact]
    public void Planted_language_interaction_is_recovered_german_leads_get_the_german_message()
    {
        // Given: a small export whose truth makes language match dominate (German leads reply to German, English to English).
        var planted = new TrueModelParameters { GermanLeadGermanMessage = 1.2, GermanLeadEnglishMessage = -1.2, EnglishLeadGermanMessage = -1.2, EnglishLeadEnglishMessage = 1.2 };
        var generated = GeneratedOutreach.Get(10_000, 5, planted);
        var recommender = TrainedModels.Recommender(generated);

        // When: recommending for leads whose account has both languages at follow-up 1.
        var mixed = generated.Leads
            .Where(f => generated.Messages.ContainsKey(f.Lead.CampaignId) && !generated.Truths[f.Lead.Id].Profile.IsSpam)
            .Where(f =>
            {
                var candidates = recommender.Candidates(f.Lead.CampaignId);
                return candidates.Count > 1 && candidates[1].Select(m => MessageTraits.Of(m).German).Distinct().Count() == 2;
            })
            .ToList();
        var recommendations = recommender.Recommend(mixed);

        // Then: the follow-up's language matches the lead's.
        var messages = generated.Messages.Values.SelectMany(m => m).ToDictionary(m => m.Key);
        var matched = mixed.Zip(recommendations)
            .GroupBy(p => generated.Truths[p.First.Lead.Id].Profile.Language)
            .ToDictionary(g => g.Key, g => g.Average(p => MessageTraits.Of(messages[p.Second.Recommended.Messages[1]]).German == (g.Key == Language.German) ? 1.0 : 0.0));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{mixed.Count} leads with both languages at step 1; language matched: German leads {matched[Language.German]:P1}, English leads {matched[Language.English]:P1}"));
        Assert.True(mixed.Count > 200);
        Assert.InRange(matched[Language.German], 0.9, 1.0);
        Assert.InRange(matched[Language.English], 0.9, 1.0);
    }
}
