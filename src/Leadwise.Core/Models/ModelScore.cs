using Leadwise.Core.Outreach;

namespace Leadwise.Core.Models;

/// <summary>
/// A lead's predicted conversion probability from a registered model version, as a 0–100 score and a
/// grade from the model's probability bands. Kept beside the point score, never mixed into it.
/// </summary>
public sealed record ModelScore(LeadId LeadId, int ModelVersion, double Probability, int Score, string Grade, DateTimeOffset AsOf);
