using System.Globalization;
using Leadwise.Core.Engagement;
using Leadwise.Core.Outreach;

namespace Leadwise.Generator.Tests;

public sealed class EngagementEventsTests(GeneratedExportFixture fixture) : IClassFixture<GeneratedExportFixture>
{
    private static readonly string[] IntentTypes = [EventTypes.PricingPageView, EventTypes.DemoPageView];
    private static readonly string[] SpamTypes = [EventTypes.CaptchaFailed, EventTypes.FormSubmitted];

    [Fact]
    public void Same_seed_generates_identical_events_on_every_enumeration()
    {
        // Given two exports from the same options
        var options = new GeneratorOptions { LeadCount = 3_000, Seed = 7 };
        var first = new OutreachGenerator().Generate(options);
        var second = new OutreachGenerator().Generate(options);

        // Then the event sequences are equal, and equal again on a second pass
        var events = first.Events().ToArray();
        Assert.NotEmpty(events);
        Assert.Equal(events, second.Events());
        Assert.Equal(events, first.Events());
        Assert.NotEqual(events.Select(e => e.OccurredAt), new OutreachGenerator().Generate(options with { Seed = 8 }).Events().Select(e => e.OccurredAt));
    }

    [Fact]
    public void Enumerating_events_leaves_the_leads_unchanged()
    {
        // Given the leads of an export, generated before any event
        var export = new OutreachGenerator().Generate(new GeneratorOptions { LeadCount = 3_000, Seed = 11 });
        var before = export.Leads().ToArray();

        // When the events are enumerated (and the leads interleaved with them)
        var withEvents = export.LeadsWithEvents().Select(pair => pair.Lead).ToArray();
        _ = export.Events().Count();

        // Then the leads are the same rows
        Assert.Equal(before, withEvents);
        Assert.Equal(before, export.Leads());
    }

    [Fact]
    public void Events_are_ordered_by_lead_id_then_time_with_sequential_client_ids()
    {
        // The lead stream itself is in ascending id order: a merge-join of events and leads by id needs no sort.
        var ids = fixture.Leads.Select(generated => generated.Lead.Id.Value).ToArray();
        Assert.All(Enumerable.Range(1, ids.Length - 1), i => Assert.True(ids[i] > ids[i - 1]));

        var events = fixture.Events;
        for (var i = 1; i < events.Count; i++)
        {
            var (previous, current) = (events[i - 1], events[i]);
            Assert.True(current.LeadId.Value >= previous.LeadId.Value, $"event {i}: lead {current.LeadId} after {previous.LeadId}");
            Assert.True(current.LeadId != previous.LeadId || current.OccurredAt >= previous.OccurredAt, $"event {i}: time goes back");
        }

        Assert.All(fixture.EventsByLead, pair => Assert.Equal(
            Enumerable.Range(0, pair.Value.Count).Select(n => string.Create(CultureInfo.InvariantCulture, $"g-{pair.Key.Value}-{n}")),
            pair.Value.Select(e => e.ClientEventId)));
        Assert.Equal(events.Count, events.Select(e => e.ClientEventId).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Events_belong_to_existing_leads_use_known_types_and_fall_between_creation_and_export()
    {
        var leads = fixture.Leads.ToDictionary(generated => generated.Lead.Id, generated => generated.Lead);
        var exportDate = fixture.Export.Options.ExportDate;
        foreach (var engagement in fixture.Events)
        {
            Assert.True(leads.TryGetValue(engagement.LeadId, out var lead), $"event {engagement.ClientEventId}: unknown lead");
            Assert.Contains(engagement.Type, EventTypes.All);
            Assert.True(engagement.OccurredAt < exportDate, $"{engagement.ClientEventId} at {engagement.OccurredAt}");
            Assert.True(engagement.OccurredAt >= lead.CreatedAt, $"{engagement.ClientEventId} before the lead was created");
            Assert.Equal(TimeSpan.Zero, engagement.OccurredAt.Offset);
        }
    }

    [Fact]
    public void Page_views_carry_an_absolute_url_and_the_seconds_on_the_page()
    {
        var pageViews = fixture.Events.Where(e => e.Type is EventTypes.PageView or EventTypes.PricingPageView or EventTypes.DemoPageView).ToArray();
        Assert.NotEmpty(pageViews);
        Assert.All(pageViews, e => Assert.StartsWith("https://", e.Url, StringComparison.Ordinal));
        Assert.All(pageViews, e => Assert.InRange(int.Parse(e.Properties["seconds"]!, CultureInfo.InvariantCulture), 1, 900));
        Assert.All(fixture.Events.Where(e => e.Type == EventTypes.PricingPageView), e => Assert.EndsWith("/pricing", e.Url, StringComparison.Ordinal));
    }

    [Fact]
    public void Invite_accepted_events_match_the_exported_acceptance_exactly()
    {
        foreach (var lead in fixture.Leads.Select(generated => generated.Lead))
        {
            var accepted = fixture.EventsOf(lead.Id).Where(e => e.Type == EventTypes.LinkedInInviteAccepted).ToArray();
            Assert.Equal(lead.InviteAccepted == true ? 1 : 0, accepted.Length);
            if (accepted.Length == 1)
            {
                Assert.True(accepted[0].OccurredAt > lead.InviteSentAt, $"lead {lead.Id}: accepted before the invite");
            }
        }
    }

    [Fact]
    public void Email_replies_mirror_replies_on_email_campaigns()
    {
        foreach (var lead in fixture.Leads.Select(generated => generated.Lead))
        {
            var emailCampaign = fixture.CampaignsById[lead.CampaignId].Type == "EmailOutreach";
            var replies = fixture.EventsOf(lead.Id).Where(e => e.Type == EventTypes.EmailReply).ToArray();
            Assert.Equal(emailCampaign && lead.Replied == true ? 1 : 0, replies.Length);
        }

        Assert.Contains(fixture.Events, e => e.Type == EventTypes.EmailReply);
    }

    [Fact]
    public void Only_dirty_addresses_bounce_and_only_once()
    {
        var bounced = fixture.Events.Where(e => e.Type == EventTypes.EmailBounce).GroupBy(e => e.LeadId).ToArray();
        Assert.NotEmpty(bounced);
        var emails = fixture.Leads.ToDictionary(generated => generated.Lead.Id, generated => generated.Lead.Email);
        Assert.All(bounced, group => Assert.True(group.Count() == 1 && emails[group.Key] is "-" or "testmail", $"lead {group.Key} ({emails[group.Key]}): {group.Count()} bounces"));
    }

    [Fact]
    public void Replied_leads_show_much_more_intent_and_email_clicks_than_the_others()
    {
        // Given the 20k leads split by the exported reply
        var replied = fixture.Leads.Where(generated => generated.Lead.Replied == true).Select(generated => generated.Lead.Id).ToArray();
        var others = fixture.Leads.Where(generated => generated.Lead.Replied != true).Select(generated => generated.Lead.Id).ToArray();
        Assert.True(replied.Length > 300, $"{replied.Length} replies");

        double Mean(IEnumerable<LeadId> leads, params string[] types) => leads.Average(lead => fixture.EventsOf(lead).Count(e => types.Contains(e.Type)));

        // Then pricing/demo views, email clicks and page views are clearly more frequent among repliers
        Assert.True(Mean(replied, IntentTypes) > 5 * Mean(others, IntentTypes), $"intent {Mean(replied, IntentTypes):F3} vs {Mean(others, IntentTypes):F3}");
        Assert.True(Mean(replied, EventTypes.EmailClick) > 1.5 * Mean(others, EventTypes.EmailClick), $"clicks {Mean(replied, EventTypes.EmailClick):F3} vs {Mean(others, EventTypes.EmailClick):F3}");
        Assert.True(Mean(replied, EventTypes.PageView) > 3 * Mean(others, EventTypes.PageView));

        // and most of a replier's intent comes before its reply (a usable signal, not only an echo)
        var before = 0;
        var after = 0;
        foreach (var generated in fixture.Leads.Where(generated => generated.Lead.Replied == true))
        {
            var replyStep = generated.Lead.ReplyStep!.Value;
            var sentAt = generated.Lead.SentAt(replyStep)!.Value;
            foreach (var engagement in fixture.EventsOf(generated.Lead.Id).Where(e => IntentTypes.Contains(e.Type)))
            {
                _ = engagement.OccurredAt < sentAt.AddDays(4) ? before++ : after++;
            }
        }

        Assert.True(before > after, $"{before} intent views near the replied message, {after} later");
    }

    [Fact]
    public void Spam_leads_fail_captchas_and_submit_forms_in_bursts_and_nothing_else()
    {
        var spam = fixture.Leads.Where(generated => generated.Truth.Profile.IsSpam).Select(generated => generated.Lead).ToArray();
        Assert.NotEmpty(spam);
        foreach (var lead in spam)
        {
            var events = fixture.EventsOf(lead.Id);
            Assert.All(events, e => Assert.Contains(e.Type, SpamTypes));
            Assert.Contains(events, e => e.Type == EventTypes.CaptchaFailed);
            Assert.True(events.Count(e => e.Type == EventTypes.FormSubmitted) >= 3, $"lead {lead.Id}");

            // the first burst starts when the lead is created, events seconds apart
            Assert.Equal(lead.CreatedAt, events[0].OccurredAt);
            Assert.True(events[1].OccurredAt - events[0].OccurredAt <= TimeSpan.FromSeconds(4));
        }

        var spamIds = spam.Select(lead => lead.Id).ToHashSet();
        Assert.DoesNotContain(fixture.Events, e => SpamTypes.Contains(e.Type) && !spamIds.Contains(e.LeadId));
    }

    [Fact]
    public void Volume_is_realistic_most_leads_few_events_engaged_ones_many()
    {
        var counts = fixture.Leads.Select(generated => fixture.EventsOf(generated.Lead.Id).Count).ToArray();
        var replied = fixture.Leads.Where(generated => generated.Lead.Replied == true).Select(generated => fixture.EventsOf(generated.Lead.Id).Count).ToArray();

        Assert.InRange(counts.Average(), 1.5, 6.0);
        Assert.True(counts.Count(count => count <= 5) > 0.8 * counts.Length);
        Assert.InRange(replied.Average(), 5.0, 30.0);
        Assert.True(counts.Max() <= 100, $"max {counts.Max()}");
        Assert.All(EventTypes.All.Except([EventTypes.EmailReply]), type => Assert.Contains(fixture.Events, e => e.Type == type));
    }
}
