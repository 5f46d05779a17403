namespace Leadwise.Learning.Scorecard;

/// <summary>
/// One bin of a scorecard attribute, with its training counts, its weight of evidence
/// WoE = ln((converted + ½)/(all converted + ½) ÷ (others + ½)/(all others + ½)), and the points its leads get.
/// </summary>
public sealed record ScorecardBin(string Label, int Leads, int Converted, double WeightOfEvidence, int Points);
