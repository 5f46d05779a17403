using Leadwise.Core.Outreach;
using Leadwise.Recommend.Hazards;

namespace Leadwise.Recommend.Evaluation;

/// <summary>
/// The ground truth a policy is evaluated against (known for generated data): a lead's true probability of replying
/// to a sequence, and the truly best sequence from given candidates. Recommend does not reference the generator; its
/// tests adapt the generator's true reply model to this interface.
/// </summary>
public interface IReplyTruth
{
    /// <summary>P(the lead replies at some step) when sent <paramref name="sequence"/> (step k = sequence[k]), acceptance gate included.</summary>
    double ReplyProbability(LeadId lead, IReadOnlyList<MessageKey> sequence);

    /// <summary>The sequence maximising <see cref="ReplyProbability"/> when step k may use any of <paramref name="candidatesPerStep"/>[k].</summary>
    IReadOnlyList<MessageKey> BestSequence(LeadId lead, IReadOnlyList<IReadOnlyList<MessageKey>> candidatesPerStep);

    /// <summary>
    /// The best sequence by the truth without its latent traits: the lead's (e.g. its responsiveness) integrated out and
    /// the messages' (e.g. the wording's quality) at their mean — what choosing by observable lead and message features
    /// alone, perfectly estimated, would send. A policy that learns each message's own record can beat it.
    /// </summary>
    IReadOnlyList<MessageKey> FeaturesOnlyBestSequence(LeadId lead, IReadOnlyList<IReadOnlyList<MessageKey>> candidatesPerStep);

    /// <summary>
    /// The attainable (Bayes) policy's sequence for each of <paramref name="leads"/>: the truth's model with the lead's
    /// latent traits integrated out as in <see cref="FeaturesOnlyBestSequence"/>, but each message's latent quality at
    /// its posterior given <paramref name="training"/> (the training leads' logged sends under their true profiles) —
    /// the best any learner could send from these logs knowing the model's form. In <paramref name="leads"/>' order.
    /// </summary>
    IReadOnlyList<IReadOnlyList<MessageKey>> AttainableBestSequences(
        IReadOnlyList<HazardRow> training,
        IReadOnlyList<(LeadId Lead, IReadOnlyList<IReadOnlyList<MessageKey>> CandidatesPerStep)> leads);
}
