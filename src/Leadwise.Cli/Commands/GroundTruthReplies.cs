using Leadwise.Core.Outreach;
using Leadwise.Generator.Truth;
using Leadwise.Recommend.Evaluation;
using Leadwise.Recommend.Hazards;

namespace Leadwise.Cli.Commands;

/// <summary>
/// The generator's ground truth (<c>leadwise generate</c>'s <c>truth/</c> folder) as the <see cref="IReplyTruth"/> the
/// recommendation evaluation scores policies with. The same adaptation as the Recommend tests' (Recommend does not
/// reference the generator).
/// </summary>
internal sealed class GroundTruthReplies(GroundTruth truth) : IReplyTruth
{
    /// <summary>Gauss–Hermite nodes and weights for a standard normal (5 points).</summary>
    private static readonly (double Node, double Weight)[] Normal = [(0, 0.533333333), (1.355626180, 0.222075922), (-1.355626180, 0.222075922), (2.856970014, 0.011257411), (-2.856970014, 0.011257411)];

    /// <summary>Whether the truth knows the lead (a truth file of another export does not).</summary>
    public bool Knows(LeadId lead) => truth.Leads.ContainsKey(lead);

    public double ReplyProbability(LeadId lead, IReadOnlyList<MessageKey> sequence) =>
        truth.Model.ReplyProbability(truth.Leads[lead].Profile, [.. sequence.Select(truth.Profile)]);

    public IReadOnlyList<MessageKey> BestSequence(LeadId lead, IReadOnlyList<IReadOnlyList<MessageKey>> candidatesPerStep) =>
        [.. truth.Model.BestSequence(truth.Leads[lead].Profile, [.. candidatesPerStep.Select(step => (IReadOnlyList<MessageProfile>)[.. step.Select(truth.Profile)])])
            .Messages.Select(message => message.Key)];

    /// <summary>E_u[P(reply)] over the lead's responsiveness with every message's latent quality at 0, by coordinate ascent from the best sequence at u = 0.</summary>
    public IReadOnlyList<MessageKey> FeaturesOnlyBestSequence(LeadId lead, IReadOnlyList<IReadOnlyList<MessageKey>> candidatesPerStep)
    {
        var profile = truth.Leads[lead].Profile;
        var model = truth.Model;
        var draws = Normal.Select(n => (Profile: profile with { Responsiveness = model.Parameters.ResponsivenessSd * n.Node }, n.Weight)).ToArray();
        var steps = candidatesPerStep.Select(step => step.Select(key => truth.Profile(key)).Select(m => m with { Quality = m.Wording }).ToArray()).ToArray();
        var chosen = model.BestSequence(draws[0].Profile, steps).Messages.ToArray();
        double Value(MessageProfile[] sequence) => draws.Sum(d => d.Weight * model.ReplyProbability(d.Profile, sequence));
        var best = Value(chosen);
        for (var pass = 0; pass < 4; pass++)
        {
            var improved = false;
            for (var step = 0; step < chosen.Length; step++)
            {
                foreach (var candidate in steps[step])
                {
                    var trial = (MessageProfile[])chosen.Clone();
                    trial[step] = candidate;
                    var value = Value(trial);
                    if (value > best + 1e-15)
                    {
                        (chosen, best, improved) = (trial, value, true);
                    }
                }
            }

            if (!improved)
            {
                break;
            }
        }

        return [.. chosen.Select(message => message.Key)];
    }

    /// <summary>Each message's quality at its posterior given the training rows under the training leads' true profiles (<see cref="AttainablePolicy"/>).</summary>
    public IReadOnlyList<IReadOnlyList<MessageKey>> AttainableBestSequences(
        IReadOnlyList<HazardRow> training,
        IReadOnlyList<(LeadId Lead, IReadOnlyList<IReadOnlyList<MessageKey>> CandidatesPerStep)> leads)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(leads);
        var policy = new AttainablePolicy(truth.Model, training.Select(r => new ObservedStep(truth.Leads[r.LeadId].Profile, truth.Profile(r.Message), r.Step, r.Replied, r.LeadId.Value)));
        return [.. leads.Select(l => (IReadOnlyList<MessageKey>)[.. policy.BestSequence(truth.Leads[l.Lead].Profile, [.. l.CandidatesPerStep.Select(step => (IReadOnlyList<MessageProfile>)[.. step.Select(truth.Profile)])])
            .Messages.Select(message => message.Key)])];
    }
}
