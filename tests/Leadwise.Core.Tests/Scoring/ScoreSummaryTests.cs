using Leadwise.Core.Outreach;
using Leadwise.Core.Scoring;

namespace Leadwise.Core.Tests.Scoring;

public sealed class ScoreSummaryTests
{
    private static readonly DateTimeOffset AsOf = new(2024, 6, 30, 0, 0, 0, TimeSpan.Zero);

    private static (Lead, LeadScore) Scored(long id, double total, string grade, bool invited, bool replied) =>
        (new Lead
        {
            Id = new LeadId(id),
            CampaignId = new CampaignId(1),
            InviteSentAt = invited ? AsOf.AddDays(-10) : null,
            Replied = replied,
        },
        new LeadScore(new LeadId(id), total, grade, new Dictionary<ScoringModel, double>(), [], AsOf));

    [Fact]
    public void Top_KeepsTheHighestTotals_BestFirst()
    {
        var summary = new ScoreSummary(topCount: 2);
        foreach (var (lead, score) in new[] { Scored(1, 10, "D", true, false), Scored(2, 90, "A", true, true), Scored(3, 50, "C", true, false), Scored(4, 70, "B", false, false) })
        {
            summary.Add(lead, score);
        }

        Assert.Equal([2L, 4L], summary.Top.Select(t => t.Lead.Id.Value));
        Assert.Equal(4, summary.Leads);
    }

    [Fact]
    public void Grades_CountRepliesOnlyAmongInvitedLeads()
    {
        var summary = new ScoreSummary(topCount: 0);
        summary.Add(Scored(1, 90, "A", invited: true, replied: true).Item1, Scored(1, 90, "A", true, true).Item2);
        summary.Add(Scored(2, 85, "A", invited: true, replied: false).Item1, Scored(2, 85, "A", true, false).Item2);
        summary.Add(Scored(3, 81, "A", invited: false, replied: false).Item1, Scored(3, 81, "A", false, false).Item2);
        summary.Add(Scored(4, 10, "D", invited: true, replied: false).Item1, Scored(4, 10, "D", true, false).Item2);

        var a = Assert.Single(summary.Grades, g => g.Grade == "A");
        Assert.Equal(new GradeTally("A", 3, 2, 1), a);
        Assert.Equal(0.5, a.ReplyRate);
        Assert.Equal(["A", "D"], summary.Grades.Select(g => g.Grade));
    }

    [Fact]
    public void ReplyAuc_RanksInvitedLeadsOnly()
    {
        var summary = new ScoreSummary(topCount: 0);
        foreach (var (lead, score) in new[]
        {
            Scored(1, 90, "A", true, true),
            Scored(2, 80, "A", true, false),
            Scored(3, 10, "D", true, false),
            Scored(4, 99, "A", false, false), // not invited: could not reply, must not count as a miss
        })
        {
            summary.Add(lead, score);
        }

        Assert.Equal(1.0, summary.ReplyAuc());
    }
}
