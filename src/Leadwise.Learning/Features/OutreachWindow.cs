using Leadwise.Core.Outreach;

namespace Leadwise.Learning.Features;

/// <summary>
/// When each campaign's outreach ends in the data: its last send (invite or follow-up) to any lead. A lead
/// invited close to that moment could not receive its whole sequence, which training must know.
/// </summary>
public static class OutreachWindow
{
    private const int MaxSteps = 7;

    public static IReadOnlyDictionary<CampaignId, DateTimeOffset> CampaignEnds(IEnumerable<Lead> leads)
    {
        ArgumentNullException.ThrowIfNull(leads);
        var ends = new Dictionary<CampaignId, DateTimeOffset>();
        foreach (var lead in leads)
        {
            for (var order = 0; order < MaxSteps; order++)
            {
                if (lead.SentAt(order) is { } sent && (!ends.TryGetValue(lead.CampaignId, out var end) || sent > end))
                {
                    ends[lead.CampaignId] = sent;
                }
            }
        }

        return ends;
    }
}
