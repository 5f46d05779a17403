namespace Leadwise.Generator.Truth;

/// <summary>A message sequence (step k = <c>Messages[k]</c>) and its true reply probability for one lead.</summary>
public sealed record SequenceChoice(IReadOnlyList<MessageProfile> Messages, double Probability);
