using System.Globalization;
using Leadwise.Core.Companies;
using Leadwise.Core.Engagement;
using Leadwise.Core.Outreach;
using Leadwise.Generator.Planning;
using Leadwise.Generator.Simulation;
using CompanyDirectory = Leadwise.Generator.Simulation.CompanyDirectory;

namespace Leadwise.Generator;

/// <summary>Engagement events and company profiles: streams beside the five export files, which they never change.</summary>
public sealed partial class GeneratedExport
{
    /// <summary>
    /// The engagement events of every lead, streamed and regenerated identically on each enumeration: lead by lead
    /// in <see cref="Leads"/> order — which is ascending lead id — and within a lead by time (ties in draw order).
    /// <see cref="EngagementEvent.ClientEventId"/> is <c>g-&lt;leadId&gt;-&lt;n&gt;</c>, n counting from 0 in that order.
    /// With a pre-contact history (<see cref="Truth.EngagementModelParameters.HistoryDays"/>) the lead's history events
    /// come first (they are all before its createdAt, the others at or after it), numbered <c>g-&lt;leadId&gt;-h&lt;n&gt;</c>
    /// on their own, so every other event keeps its id.
    /// Each lead's events come from their own random stream: enumerating events never changes any other output.
    /// </summary>
    public IEnumerable<EngagementEvent> Events()
    {
        foreach (var (_, events) in LeadsWithEvents())
        {
            foreach (var engagement in events)
            {
                yield return engagement;
            }
        }
    }

    /// <summary>
    /// One profile per distinct company name of the leads (excluding placeholders such as "Test ME" and "-", and
    /// spam leads' keyboard-mash companies), ordered by name (ordinal). Takes one pass over the leads.
    /// </summary>
    public IEnumerable<CompanyProfile> Companies()
    {
        var directory = new CompanyDirectory(Options.Seed);
        foreach (var (_, _, outcome, lead) in Simulated())
        {
            directory.Add(outcome, lead);
        }

        return directory.Profiles();
    }

    /// <summary>Each lead (in <see cref="Leads"/> order) with its events (ordered by time); the event list is fresh per lead.</summary>
    internal IEnumerable<(Lead Lead, IReadOnlyList<EngagementEvent> Events)> LeadsWithEvents()
    {
        var simulator = new EngagementSimulator(Options);
        var drafts = new List<EventDraft>(64);
        var history = new List<EventDraft>(16);
        var sites = new Dictionary<UserId, SiteUrls>();
        var seconds = new ExtraFields?[901];
        foreach (var (campaign, index, outcome, lead) in Simulated())
        {
            if (!sites.TryGetValue(campaign.UserId, out var site))
            {
                site = SiteUrls.For(campaign.Account.User);
                sites.Add(campaign.UserId, site);
            }

            simulator.Simulate(campaign, index, outcome, lead, site, drafts);
            simulator.SimulateHistory(campaign, index, outcome, lead, site, history);
            drafts.Sort(EventDraft.Compare);
            history.Sort(EventDraft.Compare);
            var events = new EngagementEvent[history.Count + drafts.Count];
            for (var n = 0; n < history.Count; n++)
            {
                events[n] = ToEvent(lead.Id, history[n], string.Create(CultureInfo.InvariantCulture, $"g-{lead.Id.Value}-h{n}"), seconds);
            }

            for (var n = 0; n < drafts.Count; n++)
            {
                events[history.Count + n] = ToEvent(lead.Id, drafts[n], string.Create(CultureInfo.InvariantCulture, $"g-{lead.Id.Value}-{n}"), seconds);
            }

            yield return (lead, events);
        }
    }

    private static EngagementEvent ToEvent(LeadId lead, EventDraft draft, string clientEventId, ExtraFields?[] seconds) => new()
    {
        LeadId = lead,
        Type = draft.Type,
        OccurredAt = DateTimeOffset.FromUnixTimeMilliseconds(draft.Ms),
        ClientEventId = clientEventId,
        Url = draft.Url,
        Campaign = draft.Campaign,
        Properties = draft.Seconds > 0 ? seconds[draft.Seconds] ??= SecondsProperty(draft.Seconds) : ExtraFields.None,
    };

    private static ExtraFields SecondsProperty(int seconds) =>
        ExtraFields.From([new KeyValuePair<string, string?>("seconds", seconds.ToString(CultureInfo.InvariantCulture))]);

    private IEnumerable<(CampaignPlan Campaign, int Index, LeadOutcome Outcome, Lead Lead)> Simulated()
    {
        foreach (var campaign in _plan.Campaigns)
        {
            for (var i = 0; i < campaign.LeadCount; i++)
            {
                var outcome = LeadSimulator.Simulate(_plan, campaign, i);
                yield return (campaign, i, outcome, LeadFactory.Create(_plan, campaign, i, outcome, _leadIdSalt));
            }
        }
    }
}
