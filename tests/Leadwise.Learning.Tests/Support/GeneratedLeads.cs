using System.Collections.Concurrent;
using Leadwise.Core.Companies;
using Leadwise.Core.Engagement;
using Leadwise.Core.Outreach;
using Leadwise.Core.Scoring;
using Leadwise.Generator;
using Leadwise.Learning.Features;
using Leadwise.Learning.Training;

namespace Leadwise.Learning.Tests.Support;

/// <summary>
/// A generated export (known true reply model) as the store would hand it over: every lead's facts, the invited
/// leads as they stood at the invite, and their outcomes. Cached per (size, seed): generating is the slow part.
/// </summary>
internal sealed class GeneratedLeads
{
    private static readonly ConcurrentDictionary<(int, int), Lazy<GeneratedLeads>> Cache = new();

    private GeneratedLeads(IReadOnlyList<LeadFacts> all, IReadOnlyList<PreContactFacts> invited, IReadOnlyList<bool> replied)
    {
        All = all;
        Invited = invited;
        Replied = replied;
    }

    public IReadOnlyList<LeadFacts> All { get; }

    public IReadOnlyList<PreContactFacts> Invited { get; }

    public IReadOnlyList<bool> Replied { get; }

    public static GeneratedLeads Get(int leads, int seed) =>
        Cache.GetOrAdd((leads, seed), key => new Lazy<GeneratedLeads>(() => Generate(key.Item1, key.Item2))).Value;

    /// <summary>The invited leads encoded by <see cref="LeadFeatureEncoder"/>.</summary>
    public FeatureMatrix Matrix()
    {
        var encoder = LeadFeatureEncoder.Fit(Invited);
        return new FeatureMatrix(encoder.FeatureNames, [.. Invited.Select(encoder.Encode)], Replied);
    }

    private static GeneratedLeads Generate(int count, int seed)
    {
        var export = new OutreachGenerator().Generate(new GeneratorOptions { LeadCount = count, Seed = seed });
        var campaigns = export.Campaigns.ToDictionary(c => c.Id);
        var companies = new CompanyDirectory(export.Companies());
        var messages = export.Messages.GroupBy(m => m.CampaignId).ToDictionary(g => g.Key, g => (IReadOnlyList<Message>)[.. g]);
        var events = export.Events().GroupBy(e => e.LeadId).ToDictionary(g => g.Key, g => (IReadOnlyList<EngagementEvent>)[.. g.OrderBy(e => e.OccurredAt)]);
        var all = export.Leads()
            .Select(lead => new LeadFacts(lead, campaigns.GetValueOrDefault(lead.CampaignId), companies.Find(lead), events.GetValueOrDefault(lead.Id) ?? []))
            .ToList();
        var (invited, replied) = StoreLeads.InvitedOf(all, messages);
        return new GeneratedLeads(all, invited, replied);
    }
}
