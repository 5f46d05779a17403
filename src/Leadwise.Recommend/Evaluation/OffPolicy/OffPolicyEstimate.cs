using Leadwise.Core.Outreach;

namespace Leadwise.Recommend.Evaluation.OffPolicy;

/// <summary>
/// A target policy's estimated value on held-out leads from the logged data alone: IPS, self-normalised IPS, doubly
/// robust and the model's own (direct method) estimate, each with its interval or an explicit "not supported", and the
/// overlap diagnostics behind that verdict. <see cref="Leads"/> are the leads evaluated (the truth, when known, is
/// compared on the same leads).
/// </summary>
public sealed record OffPolicyEstimate(string Policy, IReadOnlyList<LeadId> Leads, IReadOnlyList<EstimatorResult> Estimators, OverlapDiagnostics Overlap)
{
    public EstimatorResult this[string estimator] => Estimators.First(e => string.Equals(e.Estimator, estimator, StringComparison.Ordinal));
}
