namespace Leadwise.Reports.Content.Messages;

/// <summary>A policy's value estimated from the logs alone (one <see cref="PolicyEstimate"/> per estimator), its overlap with the logged choices and, when the truth is known, its true value on the same leads.</summary>
public sealed record OffPolicyRow(string Policy, IReadOnlyList<PolicyEstimate> Estimates, PolicyOverlap Overlap, double? TrueValue = null)
{
    /// <summary>The estimate of <paramref name="estimator"/>, or null when the row has none.</summary>
    public PolicyEstimate? this[EstimatorKind estimator] => Estimates.FirstOrDefault(e => e.Estimator == estimator);
}
