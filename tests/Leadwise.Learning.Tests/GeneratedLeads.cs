using Leadwise.Core.Companies;
using Leadwise.Core.Engagement;
using Leadwise.Core.Outreach;
using Leadwise.Core.Scoring;
using Leadwise.Generator;
using Leadwise.Learning.Features;

namespace Leadwise.Learning.Tests;

/// <summary>Invited leads of a generated export as they stood at their invite, with outcome and true reply probability.</summary>
internal static class GeneratedLeads
{
    public static IReadOnlyList<(PreContactFacts Facts, bool Replied, double Truth)> Invited(int leadCount, int seed)
    {
        var export = new OutreachGenerator().Generate(new GeneratorOptions { LeadCount = leadCount, Seed = seed });
        var campaigns = export.Campaigns.ToDictionary(c => c.Id);
        var companies = new CompanyDirectory(export.Companies());
        var messages = export.Messages.GroupBy(m => m.CampaignId).ToDictionary(g => g.Key, g => (IReadOnlyList<Message>)[.. g]);
        var events = export.Events().GroupBy(e => e.LeadId).ToDictionary(g => g.Key, g => (IReadOnlyList<EngagementEvent>)[.. g]);
        var rows = new List<(PreContactFacts, bool, double)>();
        foreach (var generated in export.LeadsWithTruth())
        {
            var lead = generated.Lead;
            var facts = new LeadFacts(lead, campaigns.GetValueOrDefault(lead.CampaignId), companies.Find(lead), events.GetValueOrDefault(lead.Id) ?? []);
            if (PreContactFacts.Of(facts, messages.GetValueOrDefault(lead.CampaignId)) is { } preContact)
            {
                rows.Add((preContact, lead.Replied == true, generated.Truth.ReceivedReplyProbability));
            }
        }

        return rows;
    }
}
