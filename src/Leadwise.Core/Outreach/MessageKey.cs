using System.Globalization;

namespace Leadwise.Core.Outreach;

/// <summary>
/// A message is identified by its campaign and its step (order 0 = invite, 1..5 = follow-ups).
/// Its string form <c>"&lt;order&gt;-&lt;campaignId&gt;"</c> is the id the outreach tool and its clients use.
/// </summary>
public readonly record struct MessageKey(CampaignId CampaignId, int Order)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Order}-{CampaignId.Value}");

    public static bool TryParse(string? text, out MessageKey key)
    {
        key = default;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var dash = text.IndexOf('-', StringComparison.Ordinal);
        if (dash <= 0
            || !int.TryParse(text.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var order)
            || !long.TryParse(text.AsSpan(dash + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var campaign))
        {
            return false;
        }

        key = new MessageKey(new CampaignId(campaign), order);
        return true;
    }
}
