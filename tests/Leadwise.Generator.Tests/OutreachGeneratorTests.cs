using Leadwise.Core.Outreach;

namespace Leadwise.Generator.Tests;

public sealed class OutreachGeneratorTests(GeneratedExportFixture fixture) : IClassFixture<GeneratedExportFixture>
{
    private IEnumerable<Lead> Leads => fixture.Leads.Select(generated => generated.Lead);

    [Fact]
    public void Same_seed_generates_identical_rows()
    {
        // Given two exports from the same options
        var options = new GeneratorOptions { LeadCount = 3_000, Seed = 7 };
        var first = new OutreachGenerator().Generate(options);
        var second = new OutreachGenerator().Generate(options);

        // Then every table is equal row by row (records compare by value)
        Assert.Equal(first.Users, second.Users);
        Assert.Equal(first.Campaigns, second.Campaigns);
        Assert.Equal(first.Messages, second.Messages);
        Assert.Equal(first.Leads(), second.Leads());
        Assert.Equal(first.Snapshots(), second.Snapshots());

        // and enumerating twice gives the same leads again (lazy regeneration is stable)
        Assert.Equal(first.Leads(), first.Leads());
    }

    [Fact]
    public void Different_seeds_generate_different_exports()
    {
        var a = new OutreachGenerator().Generate(new GeneratorOptions { LeadCount = 2_000, Seed = 1 });
        var b = new OutreachGenerator().Generate(new GeneratorOptions { LeadCount = 2_000, Seed = 2 });

        Assert.NotEqual(a.Leads().Select(lead => lead.Id), b.Leads().Select(lead => lead.Id));
        Assert.NotEqual(a.Leads().Select(lead => lead.Name), b.Leads().Select(lead => lead.Name));
        Assert.NotEqual(a.Messages.Select(message => message.Content), b.Messages.Select(message => message.Content));
    }

    [Fact]
    public void Export_has_the_requested_leads_and_about_one_user_per_1600_leads()
    {
        Assert.Equal(20_000, fixture.Leads.Count);
        Assert.Equal(20_000, fixture.Export.Campaigns.Sum(campaign => campaign.NumOfLeads));
        Assert.Equal((int)Math.Round(20_000 / 1600.0), fixture.Export.Users.Count);
        Assert.Equal(3, new OutreachGenerator().Generate(new GeneratorOptions { LeadCount = 100 }).Users.Count);
    }

    [Fact]
    public void Ids_are_unique_large_integers()
    {
        AssertUniqueLarge(Leads.Select(lead => lead.Id.Value), minimumDigits: 12);
        AssertUniqueLarge(fixture.Export.Campaigns.Select(campaign => campaign.Id.Value), minimumDigits: 9);
        AssertUniqueLarge(fixture.Export.Users.Select(user => user.Id.Value), minimumDigits: 9);
        AssertUniqueLarge(fixture.Snapshots.Select(snapshot => snapshot.Id.Value), minimumDigits: 11);
        Assert.Equal(fixture.Export.Messages.Count, fixture.Export.Messages.Select(message => message.Key).Distinct().Count());

        // not row positions: consecutive leads are not numbered 1 apart throughout
        var ids = Leads.Select(lead => lead.Id.Value).ToArray();
        Assert.Contains(Enumerable.Range(1, ids.Length - 1), i => ids[i] - ids[i - 1] != 1);
    }

    [Fact]
    public void Every_lead_belongs_to_an_existing_campaign_of_its_own_user()
    {
        var users = fixture.Export.Users.Select(user => user.Id).ToHashSet();
        foreach (var campaign in fixture.Export.Campaigns)
        {
            Assert.Contains(campaign.UserId, users);
        }

        foreach (var lead in Leads)
        {
            Assert.True(fixture.CampaignsById.TryGetValue(lead.CampaignId, out var campaign), $"lead {lead.Id}: unknown campaign {lead.CampaignId}");
            Assert.Equal(campaign.UserId, lead.UserId);
        }
    }

    [Fact]
    public void Every_campaign_has_an_invite_and_one_to_five_contiguous_follow_ups()
    {
        var byCampaign = fixture.Export.Messages.GroupBy(message => message.CampaignId).ToDictionary(group => group.Key, group => group.ToList());
        Assert.Equal(fixture.Export.Campaigns.Count, byCampaign.Count);
        foreach (var (campaign, messages) in byCampaign)
        {
            var orders = messages.Select(message => message.Order).Order().ToArray();
            Assert.Equal(Enumerable.Range(0, orders.Length), orders);
            Assert.InRange(orders.Length, 2, 6);
            Assert.Null(messages.Single(message => message.Order == 0).IntervalDays);
            Assert.All(messages.Where(message => message.Order > 0), message => Assert.True(message.IntervalDays > 0, $"{message.Key}: interval"));
            Assert.True(fixture.CampaignsById.ContainsKey(campaign));
        }

        // most campaigns have 2-3 follow-ups
        var followUps = byCampaign.Values.Select(messages => messages.Count - 1).ToArray();
        Assert.True(followUps.Count(count => count is 2 or 3) > followUps.Length / 2);
    }

    [Fact]
    public void Funnel_has_the_shape_of_a_real_export()
    {
        var leads = Leads.ToArray();
        double invited = leads.Count(lead => lead.InviteSentAt is not null);
        var followUps = Enumerable.Range(1, 6).Select(step => leads.Count(lead => lead.SentAt(step) is not null)).ToArray();
        var replies = leads.Count(lead => lead.Replied == true);

        Assert.InRange(invited / leads.Length, 0.60, 0.82);
        Assert.InRange(followUps[0] / invited, 0.12, 0.24);
        Assert.InRange((double)followUps[1] / followUps[0], 0.45, 0.9);
        Assert.InRange(followUps[2] / invited, 0.005, 0.06);
        Assert.True(followUps[3] <= followUps[2] && followUps[4] <= followUps[3], string.Join(",", followUps));
        Assert.Equal(0, followUps[5]);
        Assert.InRange(replies / invited, 0.01, 0.08);
    }

    [Fact]
    public void Follow_ups_are_contiguous_ordered_before_the_cutoff_and_within_the_campaign()
    {
        var steps = fixture.Export.Messages.GroupBy(message => message.CampaignId).ToDictionary(group => group.Key, group => group.Count());
        var exportDate = fixture.Export.Options.ExportDate;
        foreach (var lead in Leads)
        {
            var sent = lead.StepsSent;
            Assert.True(sent <= steps[lead.CampaignId], $"lead {lead.Id}: {sent} steps, campaign has {steps[lead.CampaignId]}");
            for (var step = sent; step <= OutreachSteps.LastFollowUp; step++)
            {
                Assert.Null(lead.SentAt(step));
            }

            for (var step = 1; step < sent; step++)
            {
                Assert.True(lead.SentAt(step) > lead.SentAt(step - 1), $"lead {lead.Id}: step {step} not after step {step - 1}");
            }

            Assert.True(lead.CreatedAt < exportDate && lead.UpdatedAt < exportDate && lead.CreatedAt <= lead.UpdatedAt);
            Assert.True(sent == 0 || lead.SentAt(sent - 1) < exportDate);
            Assert.True(lead.InviteWithdrawnAt is null || lead.InviteWithdrawnAt < exportDate);
        }
    }

    [Fact]
    public void LinkedIn_follow_ups_and_replies_need_an_accepted_invite()
    {
        foreach (var lead in Leads.Where(lead => fixture.CampaignsById[lead.CampaignId].Type == "OutreachSalesNav"))
        {
            if (lead.InviteAccepted != true)
            {
                Assert.True(lead.StepsSent <= 1, $"lead {lead.Id}: follow-up without acceptance");
                Assert.False(lead.Replied, $"lead {lead.Id}: reply without acceptance");
            }
        }
    }

    [Fact]
    public void Campaign_counters_match_their_leads_and_the_last_snapshot()
    {
        var lastSnapshot = fixture.Snapshots.GroupBy(snapshot => snapshot.CampaignId).ToDictionary(group => group.Key, group => group.Last());
        foreach (var group in Leads.GroupBy(lead => lead.CampaignId))
        {
            var campaign = fixture.CampaignsById[group.Key];
            Assert.Equal(group.Count(), campaign.NumOfLeads);
            Assert.Equal(group.Count(lead => lead.InviteSentAt is not null), campaign.NumOfInvitesSent);
            Assert.Equal(group.Count(lead => lead.InviteAccepted == true), campaign.NumOfInvitesAccepted);
            Assert.Equal(group.Count(lead => lead.Replied == true), campaign.NumOfRepliesReceived);
            Assert.Equal(group.Count(lead => lead.FirstFollowUpSentAt is not null), campaign.FirstFollowUpsSent);
            Assert.Equal(group.Count(lead => lead.ThirdFollowUpSentAt is not null), campaign.ThirdFollowUpsSent);
            Assert.Equal(group.Count(lead => lead.InviteWithdrawnAt is not null), campaign.InvitesWithdrawn);

            var last = lastSnapshot[group.Key];
            Assert.Equal(campaign.NumOfInvitesSent, last.NumOfInvitesSent);
            Assert.Equal(campaign.NumOfRepliesReceived, last.NumOfRepliesReceived);
            Assert.Equal(campaign.SecondFollowUpsSent, last.SecondFollowUpsSent);
            Assert.Equal(campaign.Status, last.Status);
        }
    }

    [Fact]
    public void Snapshots_are_daily_monotone_and_about_one_per_lead()
    {
        Assert.InRange(fixture.Snapshots.Count, 10_000, 40_000);
        foreach (var group in fixture.Snapshots.GroupBy(snapshot => snapshot.CampaignId))
        {
            var rows = group.ToArray();
            for (var i = 1; i < rows.Length; i++)
            {
                Assert.Equal(rows[i - 1].CreatedAt!.Value.UtcDateTime.Date.AddDays(1), rows[i].CreatedAt!.Value.UtcDateTime.Date);
                Assert.True(rows[i].NumOfInvitesSent >= rows[i - 1].NumOfInvitesSent);
                Assert.True(rows[i].NumOfInvitesAccepted >= rows[i - 1].NumOfInvitesAccepted);
                Assert.True(rows[i].NumOfRepliesReceived >= rows[i - 1].NumOfRepliesReceived);
                Assert.True(rows[i].FirstFollowUpsSent >= rows[i - 1].FirstFollowUpsSent);
            }

            Assert.All(rows, row => Assert.True(row.CreatedAt < fixture.Export.Options.ExportDate));
        }
    }

    [Fact]
    public void Export_looks_real_mostly_LinkedIn_with_German_and_English_templates_and_dirty_values()
    {
        var campaigns = fixture.Export.Campaigns;
        Assert.True(campaigns.Count(campaign => campaign.Type == "OutreachSalesNav") > campaigns.Count * 0.7);
        Assert.Contains(campaigns, campaign => campaign.Status == "STOPPED");
        Assert.Contains(campaigns, campaign => campaign.Status == "ACTIVE");

        var contents = fixture.Export.Messages.Select(message => message.Content!).ToArray();
        Assert.All(contents, content => Assert.Contains("{{ salutation }}", content, StringComparison.Ordinal));
        Assert.Contains(contents, content => content.Contains("{{ first_name }}", StringComparison.Ordinal));
        Assert.Contains(contents, content => content.Contains('\n', StringComparison.Ordinal) && content.Contains('"', StringComparison.Ordinal) && content.Contains(',', StringComparison.Ordinal));
        Assert.Contains(contents, content => content.Contains('ü', StringComparison.Ordinal) || content.Contains('ö', StringComparison.Ordinal));
        Assert.Contains(fixture.Export.Messages, message => message.MaleSalutation == "Hallo Herr" && message.FemaleSalutation == "Hallo Frau");

        var leads = Leads.ToArray();
        Assert.Contains(leads, lead => lead.Email == "-");
        Assert.Contains(leads, lead => lead.Email == "testmail");
        Assert.Contains(leads, lead => lead.Email is null);
        Assert.Contains(leads, lead => lead.Email is { } email && email.Contains('@', StringComparison.Ordinal));
        Assert.Contains(leads, lead => lead.CompanyName == "Test ME");
        Assert.Contains(leads, lead => lead.Title == "-");
        Assert.Contains(leads, lead => lead.Gender is null);
        Assert.Contains(leads, lead => lead.FirstName is { Length: > 0 } name && char.IsLower(name[0]));
        Assert.Contains(leads, lead => lead.Title is "Geschäftsführer" or "Inhaber");
        Assert.Contains(leads, lead => lead.Title is "CEO" or "Founder");
        Assert.Contains(leads, lead => lead.Title is "Werkstudent" or "Praktikant" or "Student");
        Assert.All(leads, lead => Assert.Equal($"{lead.City}, {lead.Country}", lead.Location));
    }

    [Fact]
    public void Spam_leads_never_reply()
    {
        var spam = fixture.Leads.Where(generated => generated.Truth.Profile.IsSpam).ToArray();
        Assert.NotEmpty(spam);
        Assert.All(spam, generated => Assert.False(generated.Lead.Replied));
        Assert.All(spam, generated => Assert.Equal(0.0, generated.Truth.ReceivedReplyProbability));
    }

    private static void AssertUniqueLarge(IEnumerable<long> ids, int minimumDigits)
    {
        var all = ids.ToArray();
        Assert.Equal(all.Length, all.Distinct().Count());
        Assert.All(all, id => Assert.True(id >= (long)Math.Pow(10, minimumDigits - 1), $"id {id} has fewer than {minimumDigits} digits"));
    }
}
