using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Leadwise.Core.Engagement;

namespace Leadwise.Data.Storage;

/// <summary>
/// The identity of an event that came without a client id: a 128-bit hash of its lead, type, time (UTC
/// microseconds, what the store keeps) and url. Re-importing the same file therefore adds nothing, and
/// two such events equal in all four count as one.
/// </summary>
internal static class EngagementEventKeys
{
    public static byte[]? DerivedKey(EngagementEvent engagementEvent)
    {
        ArgumentNullException.ThrowIfNull(engagementEvent);
        if (engagementEvent.ClientEventId is not null)
        {
            return null;
        }

        var micros = (engagementEvent.OccurredAt.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / (TimeSpan.TicksPerMillisecond / 1000);
        var text = string.Join('\u001f',
            engagementEvent.LeadId.Value.ToString(CultureInfo.InvariantCulture),
            engagementEvent.Type,
            micros.ToString(CultureInfo.InvariantCulture),
            engagementEvent.Url ?? string.Empty);
        return SHA256.HashData(Encoding.UTF8.GetBytes(text))[..16];
    }
}
