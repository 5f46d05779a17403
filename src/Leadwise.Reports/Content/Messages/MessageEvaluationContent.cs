namespace Leadwise.Reports.Content.Messages;

/// <summary>
/// What the report's "Which message to send" section shows, as plain data (the CLI fills it from
/// <c>leadwise evaluate recommend</c>'s evaluation): how the leads were split and the sequence model retrained, its
/// held-out quality per step, the off-policy value of each policy with its overlap, and — on generated data — every
/// policy's true value. <see cref="RecommendedPolicy"/> and <see cref="CurrentPolicy"/> name the rows of
/// <see cref="OffPolicy"/> the verdict compares; <see cref="LoggedOnlyPolicy"/>, when given, names the personalised
/// choice restricted to logged sequences, which the verdict falls back on when the recommendation cannot be estimated.
/// </summary>
public sealed record MessageEvaluationContent(
    int Seed,
    double HoldOutShare,
    bool SplitByTime,
    int TrainingLeads,
    int HeldOutLeads,
    string HazardTrainer,
    string? AcceptanceTrainer,
    IReadOnlyList<HeldOutStage> HazardSteps,
    HeldOutStage? Acceptance,
    int OffPolicyLeads,
    IReadOnlyList<OffPolicyRow> OffPolicy,
    string RecommendedPolicy,
    string CurrentPolicy,
    string? LoggedOnlyPolicy,
    TruthComparison? Truth);
