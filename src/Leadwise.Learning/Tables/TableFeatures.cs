using Leadwise.Learning.Training;

namespace Leadwise.Learning.Tables;

/// <summary>A table turned into a <see cref="FeatureMatrix"/>, with what happened to each column and what the user should know.</summary>
/// <param name="Data">One matrix row per labelled table row (in <see cref="TableLabel.Rows"/> order).</param>
/// <param name="Columns">One decision per column except the label, in file order.</param>
/// <param name="Warnings">Things that were tolerated but should be known (rows without a label, empty columns).</param>
public sealed record TableFeatures(FeatureMatrix Data, IReadOnlyList<ColumnDecision> Columns, IReadOnlyList<string> Warnings);
