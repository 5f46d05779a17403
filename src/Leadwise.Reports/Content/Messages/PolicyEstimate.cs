namespace Leadwise.Reports.Content.Messages;

/// <summary>
/// One estimator's estimate of a policy's value (the probability of a reply by the end of the sequence) with its 95 %
/// interval. <see cref="Value"/> is null when the logs cannot support it (<see cref="Supported"/> false), and
/// <see cref="Note"/> then says why, or otherwise what to keep in mind.
/// </summary>
public sealed record PolicyEstimate(EstimatorKind Estimator, double? Value, double? Low, double? High, bool Supported, string? Note);
