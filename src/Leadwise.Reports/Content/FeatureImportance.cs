namespace Leadwise.Reports.Content;

/// <summary>How much the ROC AUC drops when a feature is taken away (permuted or dropped), as a mean over repeats with its standard deviation.</summary>
public sealed record FeatureImportance(string Feature, double MeanAucDrop, double StandardDeviation);
