namespace Leadwise.Reports.Content.Messages;

/// <summary>
/// One policy by the ground truth on the held-out leads: its mean true reply probability, the regret against the oracle,
/// the share of leads with a choice of invite whose invite is the oracle's, the share of the oracle's gain over the
/// logged policy it captures, and how many distinct sequences it sends (NaN where undefined).
/// </summary>
public sealed record TruePolicyValue(string Policy, double MeanReplyProbability, double Regret, double InviteMatchesOracle, double GainCaptured, int DistinctSequences);
