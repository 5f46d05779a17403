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
    public static Task<StoreLeads> ReadAsync(ILeadwiseStore store, CancellationToken cancellationToken) =>
        ReadAsync(store, null, cancellationToken);

    /// <summary>Only <paramref name="account"/>'s leads, campaigns and messages, read in SQL (what <c>--account</c> trains on); every account when null.</summary>
    public static async Task<StoreLeads> ReadAsync(ILeadwiseStore store, UserId? account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var messages = await CampaignMessages.ReadAsync(store, account, cancellationToken).ConfigureAwait(false);
        var reader = await LeadFactsReader.OpenAsync(store, account, cancellationToken).ConfigureAwait(false);
        var all = new List<LeadFacts>();
        await foreach (var facts in reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            all.Add(facts);
        }

        var (invited, replied) = InvitedOf(all, messages);
        return new StoreLeads(all, messages, invited, replied);
    }

    /// <summary>The invited leads as they stood at their invite, each with its campaign's outreach window, and whether they replied.</summary>
    public static (IReadOnlyList<PreContactFacts> Invited, IReadOnlyList<bool> Replied) InvitedOf(IReadOnlyList<LeadFacts> all, IReadOnlyDictionary<CampaignId, IReadOnlyList<Message>> messages)
    {
        ArgumentNullException.ThrowIfNull(all);
        ArgumentNullException.ThrowIfNull(messages);
        var ends = OutreachWindow.CampaignEnds(all.Select(f => f.Lead));
        var invited = new List<PreContactFacts>();
        var replied = new List<bool>();
        foreach (var facts in all)
        {
            var campaign = facts.Lead.CampaignId;
            if (PreContactFacts.Of(facts, messages.GetValueOrDefault(campaign), ends.TryGetValue(campaign, out var end) ? end : null) is { } preContact)
            {
                invited.Add(preContact);
                replied.Add(facts.Lead.Replied == true);
            }
        }

        return (invited, replied);
    }
}
