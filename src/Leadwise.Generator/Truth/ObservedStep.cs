namespace Leadwise.Generator.Truth;

/// <summary>
/// One logged send that reached a lead who had not replied before: the lead's true profile, the message, the step, and
/// whether it replied there. <paramref name="LeadId"/> ties a lead's steps together, so that a policy which does not know
/// the logged leads' responsiveness can read each step with the responsiveness its earlier steps imply.
/// </summary>
public sealed record ObservedStep(LeadProfile Lead, MessageProfile Message, int Step, bool Replied, long? LeadId = null);
