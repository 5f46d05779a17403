using Leadwise.Core.Outreach;
using Leadwise.Recommend.Evaluation;
using Leadwise.Recommend.Hazards;
using Leadwise.Recommend.Tests.Support;

namespace Leadwise.Recommend.Tests.Evaluation;

public sealed class SvdBaselineTests
{
    [Fact]
    public void At_full_rank_the_scores_are_each_messages_replies_per_training_lead()
    {
        var generated = GeneratedOutreach.Get(4_000, 7);
        var data = HazardRows.Build(generated.Leads, generated.Messages);

        var svd = SvdBaseline.Fit(data, components: 10_000);

        var replies = data.Hazards.Where(r => r.Replied).GroupBy(r => r.Message).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(replies.Count, svd.Scores.Count);
        foreach (var (message, count) in replies)
        {
            Assert.Equal(count / (double)data.Leads.Count, svd.Scores[message], 1e-9);
        }
    }

    [Fact]
    public void A_low_rank_fit_picks_per_step_the_candidate_with_the_highest_score_the_same_for_every_lead()
    {
        var generated = GeneratedOutreach.Get(4_000, 7);
        var data = HazardRows.Build(generated.Leads, generated.Messages);
        var svd = SvdBaseline.Fit(data, components: 2);
        var step0 = data.Hazards.Where(r => r.Step == 0).Select(r => r.Message).Distinct().ToList();
        var never = new MessageKey(new CampaignId(-1), 0);

        var chosen = svd.Choose([[never, .. step0]]);

        Assert.Equal(step0.MaxBy(key => svd.Scores.GetValueOrDefault(key)), chosen[0]);
        Assert.True(svd.Scores[chosen[0]] > 0);
        Assert.Equal(never, svd.Choose([[never]])[0]);
    }
}
