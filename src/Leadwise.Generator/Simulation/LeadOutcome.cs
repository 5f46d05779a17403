using Leadwise.Generator.Truth;

namespace Leadwise.Generator.Simulation;

/// <summary>
/// What happened to one lead (times in Unix ms). <see cref="SentMs"/>[k] is when step k was sent;
/// <see cref="ReceivedSteps"/> is how many steps would have reached it before the cutoff had it accepted and
/// never replied: the sequence its true reply probability is computed over.
/// </summary>
internal sealed record LeadOutcome(
    long GlobalIndex,
    LeadProfile Profile,
    bool Skipped,
    long CreatedMs,
    long? InviteMs,
    long? AcceptedMs,
    long? WithdrawnMs,
    long[] SentMs,
    int? ReplyStep,
    long? ReplyMs,
    int ReceivedSteps)
{
    public bool Invited => InviteMs is not null;

    public long LastEventMs => Math.Max(Math.Max(CreatedMs, ReplyMs ?? 0), Math.Max(SentMs.Length > 0 ? SentMs[^1] : 0, Math.Max(AcceptedMs ?? 0, WithdrawnMs ?? 0)));
}
