namespace Leadwise.Generator.Truth;

/// <summary>One logged send that reached a lead who had not replied before: the lead's true profile, the message, the step, and whether it replied there.</summary>
public sealed record ObservedStep(LeadProfile Lead, MessageProfile Message, int Step, bool Replied);
