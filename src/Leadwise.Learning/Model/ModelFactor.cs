namespace Leadwise.Learning.Model;

/// <summary>
/// One reason for a lead's predicted probability: its value of a feature group, and how many percentage
/// points the probability would move if that value were the typical training value instead.
/// </summary>
/// <param name="Feature">The feature group, e.g. <c>seniority</c>.</param>
/// <param name="Value">The lead's value in words, e.g. <c>CLevel</c>.</param>
/// <param name="Typical">The training data's typical value it is compared with.</param>
/// <param name="Points">Percentage points of probability this value adds (negative: takes away).</param>
/// <param name="Contribution">
/// ML.NET's feature contribution of the lead's values in this group to the model's raw score, summed over the group's
/// columns (<c>CalculateFeatureContribution</c>, in the trainer's own score units: log-odds for logistic regression,
/// summed tree outputs for the boosted trees); null when the model cannot give it.
/// </param>
public sealed record ModelFactor(string Feature, string Value, string Typical, double Points, double? Contribution = null);
