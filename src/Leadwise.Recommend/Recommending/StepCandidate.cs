using Leadwise.Core.Outreach;

namespace Leadwise.Recommend.Recommending;

/// <summary>
/// A message considered at one step: its predicted hazard there, and the lead's predicted reply probability if it
/// replaced the recommended message at that step (the rest of the recommendation unchanged).
/// </summary>
public sealed record StepCandidate(MessageKey Message, double Hazard, double ReplyProbability);
