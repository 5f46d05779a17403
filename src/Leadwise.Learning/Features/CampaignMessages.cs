using Leadwise.Core.Outreach;
using Leadwise.Data.Storage;

namespace Leadwise.Learning.Features;

/// <summary>Every campaign's planned messages, which <see cref="PreContactFacts"/> take as known before contact.</summary>
public static class CampaignMessages
{
    public static Task<IReadOnlyDictionary<CampaignId, IReadOnlyList<Message>>> ReadAsync(ILeadwiseStore store, CancellationToken cancellationToken) =>
        ReadAsync(store, null, cancellationToken);

    /// <summary>The messages of <paramref name="account"/>'s campaigns (every campaign when null), per campaign in step order.</summary>
    public static async Task<IReadOnlyDictionary<CampaignId, IReadOnlyList<Message>>> ReadAsync(ILeadwiseStore store, UserId? account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var messages = new Dictionary<CampaignId, List<Message>>();
        await foreach (var message in store.ReadMessagesAsync(account, cancellationToken).ConfigureAwait(false))
        {
            (messages.TryGetValue(message.CampaignId, out var list) ? list : messages[message.CampaignId] = []).Add(message);
        }

        return messages.ToDictionary(pair => pair.Key, pair => (IReadOnlyList<Message>)pair.Value);
    }
}
