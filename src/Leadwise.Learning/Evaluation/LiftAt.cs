namespace Leadwise.Learning.Evaluation;

/// <summary>
/// Working the top <see cref="Share"/> of leads by predicted probability: how much more often they convert
/// than average (<see cref="Lift"/>) and what share of all conversions they hold (<see cref="Gain"/>).
/// </summary>
public sealed record LiftAt(double Share, double Lift, double Gain)
{
    internal static LiftAt Of(double share, int[] order, ReadOnlySpan<bool> labels, int positives)
    {
        var top = Math.Max(1, (int)Math.Round(share * order.Length));
        var hits = 0;
        for (var rank = 0; rank < top; rank++)
        {
            hits += labels[order[rank]] ? 1 : 0;
        }

        if (positives == 0)
        {
            return new LiftAt(share, double.NaN, double.NaN);
        }

        var baseRate = (double)positives / order.Length;
        return new LiftAt(share, (double)hits / top / baseRate, (double)hits / positives);
    }
}
