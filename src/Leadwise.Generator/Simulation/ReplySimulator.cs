using Leadwise.Generator.Truth;

namespace Leadwise.Generator.Simulation;

/// <summary>
/// Draws one lead's response to a sequence exactly as <see cref="TrueReplyModel"/> describes it: one uniform
/// for the acceptance gate, then, if reachable, one uniform per delivered step until the first reply.
/// </summary>
internal static class ReplySimulator
{
    public static (bool Accepted, int? ReplyStep) Simulate(
        TrueReplyModel model,
        LeadProfile lead,
        IReadOnlyList<MessageProfile> sequence,
        int deliveredSteps,
        ref StreamRandom random)
    {
        var accepted = random.NextDouble() < model.AcceptProbability(lead, sequence[0]);
        if (!accepted)
        {
            return (false, null);
        }

        for (var step = 0; step < deliveredSteps; step++)
        {
            if (random.NextDouble() < model.Hazard(lead, sequence[step], step))
            {
                return (true, step);
            }
        }

        return (true, null);
    }
}
