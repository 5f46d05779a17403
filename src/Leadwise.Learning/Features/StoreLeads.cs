using Leadwise.Core.Outreach;
using Leadwise.Core.Scoring;
using Leadwise.Data.Storage;

namespace Leadwise.Learning.Features;

/// <summary>
/// A store's leads as training, insights, reports and drift read them: every lead's facts, each campaign's
/// messages, and the invited leads as they stood at their invite with whether they replied (converted).
/// </summary>
public sealed record StoreLeads(
    IReadOnlyList<LeadFacts> All,
    IReadOnlyDictionary<CampaignId, IReadOnlyList<Message>> Messages,
    IReadOnlyList<PreContactFacts> Invited,
    IReadOnlyList<bool> Replied)
{
    public static async Task<StoreLeads> ReadAsync(ILeadwiseStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var messages = await CampaignMessages.ReadAsync(store, cancellationToken).ConfigureAwait(false);
        var reader = await LeadFactsReader.OpenAsync(store, cancellationToken).ConfigureAwait(false);
        var all = new List<LeadFacts>();
        var invited = new List<PreContactFacts>();
        var replied = new List<bool>();
        await foreach (var facts in reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            all.Add(facts);
            if (PreContactFacts.Of(facts, messages.GetValueOrDefault(facts.Lead.CampaignId)) is { } preContact)
            {
                invited.Add(preContact);
                replied.Add(facts.Lead.Replied == true);
            }
        }

        return new StoreLeads(all, messages, invited, replied);
    }
}
