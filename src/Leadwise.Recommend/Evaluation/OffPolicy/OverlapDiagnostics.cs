namespace Leadwise.Recommend.Evaluation.OffPolicy;

/// <summary>
/// How much of the logged data speaks for a target policy. Weights are the importance weights π/μ of the logged
/// choices: at the invite (a reply to the invite needs only the invite to match) and over the whole sequence.
/// </summary>
/// <param name="Leads">Held-out leads evaluated.</param>
/// <param name="InviteMatches">Leads whose logged invite is the target's.</param>
/// <param name="SequenceMatches">Leads whose logged sequence is the target's.</param>
/// <param name="InviteEffectiveSampleSize">Kish effective sample size of the invite weights, (Σw)²/Σw².</param>
/// <param name="SequenceEffectiveSampleSize">The same for the whole-sequence weights.</param>
/// <param name="NearZeroInviteShare">Share of leads whose target invite has (near) zero logged propensity for them.</param>
/// <param name="UnloggedSequenceShare">Share of leads whose target sequence has (near) zero logged propensity: not one campaign's sequence, or one of a campaign (nearly) never assigned to such leads.</param>
/// <param name="MaxWeight">The largest weight.</param>
public sealed record OverlapDiagnostics(
    int Leads,
    int InviteMatches,
    int SequenceMatches,
    double InviteEffectiveSampleSize,
    double SequenceEffectiveSampleSize,
    double NearZeroInviteShare,
    double UnloggedSequenceShare,
    double MaxWeight);
