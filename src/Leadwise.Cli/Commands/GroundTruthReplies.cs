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
    /// <summary>Whether the truth knows the lead (a truth file of another export does not).</summary>
    public bool Knows(LeadId lead) => truth.Leads.ContainsKey(lead);

    public double ReplyProbability(LeadId lead, IReadOnlyList<MessageKey> sequence) =>
        truth.Model.ReplyProbability(truth.Leads[lead].Profile, [.. sequence.Select(truth.Profile)]);

    public IReadOnlyList<MessageKey> BestSequence(LeadId lead, IReadOnlyList<IReadOnlyList<MessageKey>> candidatesPerStep) =>
        [.. truth.Model.BestSequence(truth.Leads[lead].Profile, [.. candidatesPerStep.Select(step => (IReadOnlyList<MessageProfile>)[.. step.Select(truth.Profile)])])
            .Messages.Select(message => message.Key)];

    /// <summary>E_u[P(reply)] over the lead's responsiveness with every message's quality at its wording (<see cref="TrueReplyModel.FeaturesOnlyBestSequence"/>).</summary>
    public IReadOnlyList<MessageKey> FeaturesOnlyBestSequence(LeadId lead, IReadOnlyList<IReadOnlyList<MessageKey>> candidatesPerStep) =>
        [.. truth.Model.FeaturesOnlyBestSequence(truth.Leads[lead].Profile, [.. candidatesPerStep.Select(step => (IReadOnlyList<MessageProfile>)[.. step.Select(truth.Profile)])])
            .Messages.Select(message => message.Key)];

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
