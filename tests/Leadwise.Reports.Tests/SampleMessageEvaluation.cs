using Leadwise.Reports.Content.Messages;

namespace Leadwise.Reports.Tests;

/// <summary>
/// A "Which message to send" input shaped like <c>leadwise evaluate recommend</c>'s on generated data (the CLI's test
/// checks the real mapping): the per-lead recommendation withheld for too little overlap, the logged-sequence restriction
/// and the logged policy estimated, two baselines (one withheld, one with DR only), and the truth of every policy.
/// </summary>
internal static class SampleMessageEvaluation
{
    public const string Recommended = "Leadwise per lead";
    public const string LoggedOnly = "Leadwise best logged sequence";
    public const string Current = "logged sequence";
    public const string PerCampaign = "Leadwise per campaign";
    public const string Popularity = "most replied per step";
    public const string OverlapNote = "too little overlap: 76 % of the leads get a sequence never (or almost never, propensity < 0.01) logged for leads like them";

    public static MessageEvaluationContent Create() => new(
        Seed: 42,
        HoldOutShare: 0.3,
        SplitByTime: false,
        TrainingLeads: 13_916,
        HeldOutLeads: 6_084,
        HazardTrainer: "LogisticRegression",
        AcceptanceTrainer: "LogisticRegression",
        HazardSteps:
        [
            new(0, 957, 111, 0.647, 0.0151, 0.1110, 0.1160),
            new(1, 843, 66, 0.698, 0.0121, 0.0842, 0.0783),
            new(2, 513, 24, 0.676, 0.0241, 0.0709, 0.0468),
            new(3, 57, 2, 0.700, 0.0091, 0.0442, 0.0351),
            new(4, 39, 0, double.NaN, 0.0169, 0.0617, 0),
        ],
        Acceptance: new(0, 4_105, 842, 0.644, 0.0148, 0.2014, 0.2051),
        OffPolicyLeads: 4_143,
        OffPolicy:
        [
            new(Recommended,
                [
                    new(EstimatorKind.InversePropensity, null, null, null, false, OverlapNote),
                    new(EstimatorKind.SelfNormalised, null, null, null, false, OverlapNote),
                    new(EstimatorKind.DoublyRobust, null, null, null, false, "too little overlap: 31 % of the leads get an invite never (or almost never, propensity < 0.01) logged for leads like them"),
                    new(EstimatorKind.ModelOnly, 0.0717, 0.0697, 0.0738, true, null),
                ],
                new(1_482, 950, 93.4, 746.2, 0.315, 0.756, 198.4),
                0.0627),
            new(LoggedOnly,
                [
                    new(EstimatorKind.InversePropensity, 0.0699, 0.0492, 0.0993, true, null),
                    new(EstimatorKind.SelfNormalised, 0.0409, 0.0274, 0.0588, true, null),
                    new(EstimatorKind.DoublyRobust, 0.0420, 0.0166, 0.0679, true, "beyond the invite the estimate rests on the model"),
                    new(EstimatorKind.ModelOnly, 0.0572, 0.0554, 0.0592, true, null),
                ],
                new(2_503, 2_503, 70.2, 70.2, 0.002, 0.002, 715.5),
                0.0519),
            new(PerCampaign,
                [
                    new(EstimatorKind.InversePropensity, null, null, null, false, "too little overlap: 75 % of the leads get a sequence never (or almost never, propensity < 0.01) logged for leads like them"),
                    new(EstimatorKind.SelfNormalised, null, null, null, false, "too little overlap: 75 % of the leads get a sequence never (or almost never, propensity < 0.01) logged for leads like them"),
                    new(EstimatorKind.DoublyRobust, null, null, null, false, "too little overlap: 31 % of the leads get an invite never (or almost never, propensity < 0.01) logged for leads like them"),
                    new(EstimatorKind.ModelOnly, 0.0662, 0.0642, 0.0682, true, null),
                ],
                new(1_400, 909, 63.2, 713.4, 0.309, 0.750, 263.5),
                0.0585),
            new(Popularity,
                [
                    new(EstimatorKind.InversePropensity, null, null, null, false, "too little overlap: 39 % of the leads get a sequence never (or almost never, propensity < 0.01) logged for leads like them"),
                    new(EstimatorKind.SelfNormalised, null, null, null, false, "too little overlap: 39 % of the leads get a sequence never (or almost never, propensity < 0.01) logged for leads like them"),
                    new(EstimatorKind.DoublyRobust, 0.0509, 0.0439, 0.0589, true, "rests on the hazard model wherever the logged sequence differs from the target (39 % of leads' sequences never logged)"),
                    new(EstimatorKind.ModelOnly, 0.0505, 0.0487, 0.0525, true, null),
                ],
                new(2_042, 1_747, 437.1, 1_140.4, 0.118, 0.386, 69.6),
                0.0493),
            new(Current,
                [
                    new(EstimatorKind.InversePropensity, 0.0471, 0.0413, 0.0536, true, null),
                    new(EstimatorKind.SelfNormalised, 0.0471, 0.0413, 0.0536, true, null),
                    new(EstimatorKind.DoublyRobust, 0.0471, 0.0413, 0.0536, true, null),
                    new(EstimatorKind.ModelOnly, 0.0505, 0.0487, 0.0525, true, null),
                ],
                new(4_143, 4_143, 4_143, 4_143, 0, 0, 1),
                0.0465),
        ],
        RecommendedPolicy: Recommended,
        CurrentPolicy: Current,
        LoggedOnlyPolicy: LoggedOnly,
        Truth: new TruthComparison(6_084, 5_077, 1.0,
        [
            new("oracle", 0.0642, 0, 1, 1, 100),
            new("truth without latent traits", 0.0605, 0.0038, 0.619, 0.816, 115),
            new(Recommended, 0.0603, 0.0039, 0.534, 0.807, 132),
            new(PerCampaign, 0.0561, 0.0081, 0.317, 0.602, 38),
            new("best single sequence (by the truth)", 0.0592, 0.0050, 0.815, 0.754, 40),
            new("best single sequence (from the logs)", 0.0446, 0.0197, 0.155, 0.037, 29),
            new(Popularity, 0.0462, 0.0181, 0.097, 0.116, 29),
            new("SVD collaborative filtering", 0.0446, 0.0196, 0.145, 0.039, 50),
            new(Current, 0.0438, 0.0204, 0.154, 0, 50),
        ]));
}
