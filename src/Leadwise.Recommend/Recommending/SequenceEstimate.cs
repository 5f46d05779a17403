using Leadwise.Core.Outreach;

namespace Leadwise.Recommend.Recommending;

/// <summary>
/// A sequence (step k = <see cref="Messages"/>[k]) with its predicted figures for one lead: the acceptance of its
/// invite (1 for ungated channels), the hazard at each step, the cumulative probability of a reply by the end of each
/// step, A·(1 − Π_{j≤k}(1 − h_j)), and the last of those, <see cref="ReplyProbability"/>.
/// </summary>
public sealed record SequenceEstimate(
    IReadOnlyList<MessageKey> Messages,
    double Acceptance,
    IReadOnlyList<double> Hazards,
    IReadOnlyList<double> Cumulative)
{
    public double ReplyProbability => Cumulative.Count == 0 ? 0.0 : Cumulative[^1];

    internal static SequenceEstimate Of(IReadOnlyList<MessageKey> messages, double acceptance, IReadOnlyList<double> hazards)
    {
        var cumulative = new double[hazards.Count];
        var none = 1.0;
        for (var step = 0; step < hazards.Count; step++)
        {
            none *= 1.0 - hazards[step];
            cumulative[step] = acceptance * (1.0 - none);
        }

        return new SequenceEstimate(messages, acceptance, hazards, cumulative);
    }
}
