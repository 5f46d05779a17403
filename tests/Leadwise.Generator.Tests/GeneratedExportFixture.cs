using Leadwise.Core.Engagement;
using Leadwise.Core.Outreach;

namespace Leadwise.Generator.Tests;

/// <summary>One 20k-lead export (seed 42), materialised once and shared by the test classes that read it.</summary>
public sealed class GeneratedExportFixture
{
    public GeneratedExportFixture()
    {
        Export = new OutreachGenerator().Generate(Options);
        Leads = Export.LeadsWithTruth().ToArray();
        Snapshots = Export.Snapshots().ToArray();
        CampaignsById = Export.Campaigns.ToDictionary(campaign => campaign.Id);
        Events = Export.Events().ToArray();
        EventsByLead = Events.GroupBy(engagement => engagement.LeadId).ToDictionary(group => group.Key, group => (IReadOnlyList<EngagementEvent>)group.ToArray());
    }

    public static GeneratorOptions Options { get; } = new() { LeadCount = 20_000, Seed = 42 };

    public GeneratedExport Export { get; }

    public IReadOnlyList<GeneratedLead> Leads { get; }

    public IReadOnlyList<CampaignSnapshot> Snapshots { get; }

    public IReadOnlyDictionary<CampaignId, Campaign> CampaignsById { get; }

    public IReadOnlyList<EngagementEvent> Events { get; }

    public IReadOnlyDictionary<LeadId, IReadOnlyList<EngagementEvent>> EventsByLead { get; }

    public IReadOnlyList<EngagementEvent> EventsOf(LeadId lead) => EventsByLead.TryGetValue(lead, out var events) ? events : [];
}
