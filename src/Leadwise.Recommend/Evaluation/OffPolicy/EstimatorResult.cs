namespace Leadwise.Recommend.Evaluation.OffPolicy;

/// <summary>
/// One estimator's estimate of a policy's value (the mean probability of a reply by the end of the sequence) with its
/// percentile-bootstrap 95 % interval. <see cref="Value"/> is null when the logged data cannot support the estimate
/// (<see cref="Supported"/> false); <see cref="Note"/> then says why, or otherwise what to keep in mind.
/// </summary>
public sealed record EstimatorResult(string Estimator, double? Value, double? Low, double? High, bool Supported, string? Note)
{
    public const string Ips = "IPS";
    public const string SelfNormalisedIps = "SNIPS";
    public const string DoublyRobust = "DR";
    public const string DirectMethod = "DM (model only)";
}
