namespace Leadwise.Reports.Content.Messages;

/// <summary>
/// How much of the logged data speaks for a policy: leads whose logged invite (whole sequence) is the policy's, the Kish
/// effective sample sizes of the invite and sequence weights, the shares of leads whose policy choice was (nearly) never
/// logged for such leads, and the largest weight.
/// </summary>
public sealed record PolicyOverlap(
    int InviteMatches,
    int SequenceMatches,
    double InviteEffectiveSampleSize,
    double SequenceEffectiveSampleSize,
    double NearZeroInviteShare,
    double UnloggedSequenceShare,
    double MaxWeight);
