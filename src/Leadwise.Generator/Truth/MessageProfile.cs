using Leadwise.Core.Outreach;

namespace Leadwise.Generator.Truth;

/// <summary>
/// The attributes of one message (identified by <see cref="Key"/>) that the true reply model reads.
/// <see cref="Quality"/> is the message's effect on the reply logit beyond its traits: <see cref="Wording"/>, the part its
/// phrases carry (visible in the content), plus an unobservable random part.
/// <see cref="IsLong"/>, <see cref="IsPersonalised"/> (uses <c>{{ first_name }}</c>), <see cref="HasQuestion"/> (contains '?')
/// and <see cref="HasLink"/> (contains "http") are visible in the message content.
/// </summary>
public sealed record MessageProfile(
    MessageKey Key,
    UserId UserId,
    MessageChannel Channel,
    Language Language,
    bool IsLong,
    bool IsPersonalised,
    bool HasQuestion,
    bool HasLink,
    double Quality,
    double Wording = 0)
{
    /// <summary>True when a sequence starting with this message is gated by invite acceptance.</summary>
    public bool IsGated => Channel == MessageChannel.LinkedInInvite;
}
