namespace Leadwise.Reports.Content.Messages;

/// <summary>
/// Every policy and baseline by the ground truth (generated data only): <see cref="Policies"/> in table order, on
/// <see cref="EvaluatedLeads"/> held-out leads of which <see cref="LeadsWithInviteChoice"/> had more than one invite to
/// choose from; <see cref="DiffersWhenTruthDiffers"/> is the share of leads in campaigns where the oracle personalises
/// whose campaign the recommendation personalises too (NaN when the oracle never does).
/// </summary>
public sealed record TruthComparison(int EvaluatedLeads, int LeadsWithInviteChoice, double DiffersWhenTruthDiffers, IReadOnlyList<TruePolicyValue> Policies);
