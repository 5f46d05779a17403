using Leadwise.Core.Outreach;
using Leadwise.Learning.Features;

namespace Leadwise.Recommend.Modeling;

/// <summary>
/// One lead's candidates for <see cref="HazardModel.PredictCandidates"/>: the messages considered at each step, and
/// whether its channel is gated (its invites need an acceptance, predicted for each candidate invite).
/// </summary>
internal readonly record struct CandidateSet(PreContactFacts Lead, IReadOnlyList<IReadOnlyList<Message>> Steps, bool Gated);
