using Leadwise.Learning.Training;

namespace Leadwise.Recommend.Modeling;

/// <summary>
/// How one stage (the reply hazard, or invite acceptance) was chosen and how well it predicts held-out leads;
/// <see cref="PriorReplies"/> is the empirical-Bayes prior strength a of the message shrinkage (infinite: no message effects found).
/// </summary>
public sealed record StageReport(
    string Stage,
    int Rows,
    int Positives,
    TrainerKind Chosen,
    IReadOnlyList<TrainerScore> Trainers,
    IReadOnlyList<StepMetrics> Steps,
    int ShrunkMessages,
    double PriorReplies);
