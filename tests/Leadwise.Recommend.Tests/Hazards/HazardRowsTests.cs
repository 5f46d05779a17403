using Leadwise.Core.Outreach;
using Leadwise.Core.Scoring;
using Leadwise.Recommend.Hazards;
using Leadwise.Recommend.Tests.Support;
using Leadwise.Testing.Outreach;

namespace Leadwise.Recommend.Tests.Hazards;

public sealed class HazardRowsTests
{
    private static readonly Dictionary<MessageKey, Message> Sequence = Enumerable.Range(0, 4)
        .Select(order => new MessageBuilder().AtOrder(order).WithInterval(order == 0 ? null : order + 0.5).Build())
        .ToDictionary(m => m.Key);

    private static LeadFacts Facts(Lead lead, string campaignType = "OutreachSalesNav") =>
        new(lead, new CampaignBuilder().OfType(campaignType).Build(), null, []);

    [Fact]
    public void Reply_at_step_k_gives_rows_0_to_k_with_only_the_last_positive()
    {
        var (rows, acceptance) = HazardRows.Of(Facts(new LeadBuilder().RepliedAtStep(2).Build()), Sequence);

        Assert.Equal([0, 1, 2], rows.Select(r => r.Step));
        Assert.Equal([false, false, true], rows.Select(r => r.Replied));
        Assert.Equal([new MessageKey(new CampaignId(100), 0), new MessageKey(new CampaignId(100), 1), new MessageKey(new CampaignId(100), 2)], rows.Select(r => r.Message));
        Assert.Equal([null, 1.5, 2.5], rows.Select(r => r.IntervalDays));
        Assert.True(acceptance!.Accepted);
    }

    [Fact]
    public void No_reply_gives_a_negative_row_for_every_step_sent()
    {
        var (rows, acceptance) = HazardRows.Of(Facts(new LeadBuilder().SentStepsUpTo(3).Build()), Sequence);

        Assert.Equal([0, 1, 2, 3], rows.Select(r => r.Step));
        Assert.All(rows, r => Assert.False(r.Replied));
        Assert.True(acceptance!.Accepted); // follow-ups were sent, so the invite was accepted
    }

    [Fact]
    public void Unaccepted_linkedin_invite_gives_no_hazard_row_but_a_negative_acceptance_row()
    {
        var lead = new LeadBuilder().SentStep(0).Build() with { InviteAccepted = false, Replied = false };

        var (rows, acceptance) = HazardRows.Of(Facts(lead), Sequence);

        Assert.Empty(rows);
        Assert.False(acceptance!.Accepted);
        Assert.Equal(0, acceptance.Invite.Order);
    }

    [Fact]
    public void Unaccepted_invite_sent_shortly_before_the_campaign_ends_is_censored_not_declined()
    {
        var lead = new LeadBuilder().SentStep(0).Build() with { InviteAccepted = false, Replied = false };

        var (recent, recentAcceptance) = HazardRows.Of(Facts(lead), Sequence, lead.InviteSentAt!.Value.AddDays(3));
        var (_, oldAcceptance) = HazardRows.Of(Facts(lead), Sequence, lead.InviteSentAt!.Value.AddDays(30));

        Assert.Empty(recent);
        Assert.Null(recentAcceptance);
        Assert.False(oldAcceptance!.Accepted);
    }

    [Fact]
    public void Ungated_channel_has_no_acceptance_row_and_its_invite_is_a_hazard_row()
    {
        var lead = new LeadBuilder().SentStep(0).Build() with { Replied = false };

        var (rows, acceptance) = HazardRows.Of(Facts(lead, "ExistingSalesNav"), Sequence);

        Assert.Null(acceptance);
        Assert.Equal(0, Assert.Single(rows).Step);
    }

    [Fact]
    public void Rows_stop_at_the_first_step_without_a_known_message()
    {
        var (rows, _) = HazardRows.Of(Facts(new LeadBuilder().RepliedAtStep(5).Build()), Sequence);

        Assert.Equal([0, 1, 2, 3], rows.Select(r => r.Step));
        Assert.All(rows, r => Assert.False(r.Replied));
    }

    [Fact]
    public void Never_invited_lead_gives_no_rows()
    {
        var data = HazardRows.Build([Facts(new LeadBuilder().Build())], new Dictionary<CampaignId, IReadOnlyList<Message>> { [new CampaignId(100)] = [.. Sequence.Values] });

        Assert.Empty(data.Hazards);
        Assert.Empty(data.Acceptances);
        Assert.Empty(data.Leads);
    }

    [Fact]
    public void Generated_export_one_positive_per_replied_lead_at_its_last_step_and_acceptance_matches_the_export()
    {
        var generated = GeneratedOutreach.Get(4_000, 7);

        var data = HazardRows.Build(generated.Leads, generated.Messages);

        var replied = generated.Leads.Where(f => f.Lead.Replied == true).ToDictionary(f => f.Lead.Id, f => f.Lead.StepsSent - 1);
        var positives = data.Hazards.Where(r => r.Replied).ToList();
        Assert.Equal(replied.Count, positives.Count);
        Assert.All(positives, r => Assert.Equal(replied[r.LeadId], r.Step));
        foreach (var lead in data.Hazards.GroupBy(r => r.LeadId))
        {
            Assert.Equal(Enumerable.Range(0, lead.Count()), lead.Select(r => r.Step));
        }

        // Gated leads: hazard rows exactly for the accepted ones; the generator marks acceptance before the cutoff.
        var gatedInvited = generated.Leads.Count(f => f.Lead.InviteSentAt is not null && f.Campaign?.Type == Channels.GatedType);
        Assert.InRange(data.Acceptances.Count, gatedInvited * 0.8, gatedInvited); // less the censored recent invites
        var accepted = data.Acceptances.Where(a => a.Accepted).Select(a => a.LeadId).ToHashSet();
        Assert.Equal(generated.Leads.Count(f => f.Lead.InviteAccepted == true), accepted.Count);
        var types = generated.Leads.ToDictionary(f => f.Lead.Id, f => f.Campaign?.Type);
        Assert.All(data.Hazards.Where(r => types[r.LeadId] == Channels.GatedType), r => Assert.Contains(r.LeadId, accepted));
    }
}
