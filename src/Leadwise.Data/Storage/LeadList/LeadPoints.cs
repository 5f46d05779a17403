using Leadwise.Core.Scoring;

namespace Leadwise.Data.Storage.LeadList;

/// <summary>A stored point score without its rule hits: what a list shows.</summary>
public sealed record LeadPoints(double Total, string Grade, IReadOnlyDictionary<ScoringModel, double> Subtotals, DateTimeOffset AsOf);
