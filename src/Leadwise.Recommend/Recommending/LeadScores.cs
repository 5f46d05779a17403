using Leadwise.Core.Outreach;

namespace Leadwise.Recommend.Recommending;

/// <summary>One lead's predicted hazard for every candidate at every step, and acceptance for every candidate invite.</summary>
internal sealed record LeadScores(LeadId Lead, CampaignId Campaign, IReadOnlyList<IReadOnlyList<Message>> Candidates, double[][] Hazards, double[] Acceptances)
{
    /// <summary>The best sequence exactly as the true model's BestSequence: steps 1.. by their own hazard, then the invite by A·(1 − (1 − h₀)·R).</summary>
    public int[] Best()
    {
        var steps = Candidates.Count;
        var chosen = new int[steps];
        var rest = 1.0;
        for (var step = 1; step < steps; step++)
        {
            chosen[step] = ArgMax(Hazards[step]);
            rest *= 1.0 - Hazards[step][chosen[step]];
        }

        var best = -1.0;
        for (var i = 0; i < Candidates[0].Count; i++)
        {
            var value = Acceptances[i] * (1.0 - ((1.0 - Hazards[0][i]) * rest));
            if (value > best)
            {
                best = value;
                chosen[0] = i;
            }
        }

        return chosen;
    }

    public double Value(IReadOnlyList<int> chosen)
    {
        var none = 1.0;
        for (var step = 0; step < chosen.Count; step++)
        {
            none *= 1.0 - Hazards[step][chosen[step]];
        }

        return Acceptances[chosen[0]] * (1.0 - none);
    }

    /// <summary>
    /// The <paramref name="count"/> best other candidates at <paramref name="step"/>, each with the reply probability of
    /// <paramref name="best"/> with it swapped in, highest first (ties in candidate order): a stable descending sort
    /// kept to its first <paramref name="count"/>, without sorting the rest.
    /// </summary>
    public StepCandidate[] RunnersUp(int[] best, int step, int count)
    {
        var top = new StepCandidate[Math.Max(0, Math.Min(count, Candidates[step].Count - 1))];
        var kept = 0;
        var swapped = (int[])best.Clone();
        for (var i = 0; i < Candidates[step].Count && top.Length > 0; i++)
        {
            if (i == best[step])
            {
                continue;
            }

            swapped[step] = i;
            var value = Value(swapped);
            if (kept == top.Length && value <= top[kept - 1].ReplyProbability)
            {
                continue;
            }

            var at = Math.Min(kept, top.Length - 1);
            while (at > 0 && top[at - 1].ReplyProbability < value)
            {
                top[at] = top[at - 1];
                at--;
            }

            top[at] = new StepCandidate(Candidates[step][i].Key, Hazards[step][i], value);
            kept = Math.Min(kept + 1, top.Length);
        }

        return top;
    }

    public SequenceEstimate Estimate(IReadOnlyList<int> chosen) => SequenceEstimate.Of(
        [.. chosen.Select((index, step) => Candidates[step][index].Key)],
        Acceptances[chosen[0]],
        [.. chosen.Select((index, step) => Hazards[step][index])]);

    public int IndexOf(int step, MessageKey key)
    {
        for (var i = 0; i < Candidates[step].Count; i++)
        {
            if (Candidates[step][i].Key == key)
            {
                return i;
            }
        }

        return -1;
    }

    private static int ArgMax(double[] values)
    {
        var best = 0;
        for (var i = 1; i < values.Length; i++)
        {
            if (values[i] > values[best])
            {
                best = i;
            }
        }

        return best;
    }
}
