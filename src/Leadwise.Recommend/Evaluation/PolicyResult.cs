namespace Leadwise.Recommend.Evaluation;

/// <summary>
/// One policy on the held-out leads, by the truth: its mean true reply probability, the regret against the oracle
/// (oracle − policy), the share of leads with a choice of invite whose invite is the oracle's, the share of the
/// oracle's gain over the logged policy it captures ((policy − logged)/(oracle − logged)), and how many distinct
/// sequences it sends.
/// </summary>
public sealed record PolicyResult(string Policy, double MeanReplyProbability, double Regret, double InviteMatchesOracle, double GainCaptured, int DistinctSequences);
