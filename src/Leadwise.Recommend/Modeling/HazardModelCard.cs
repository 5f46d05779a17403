using Leadwise.Learning.Features;

namespace Leadwise.Recommend.Modeling;

/// <summary>
/// What a saved <see cref="HazardModel"/> keeps besides its ML.NET models: the lead encoder's state, the reports, each
/// stage's shrinkage factors by message key and their posteriors for exploration (null in models saved before them).
/// </summary>
internal sealed record HazardModelCard(
    EncoderState Encoder,
    HazardModelReport Report,
    IReadOnlyDictionary<string, double> HazardFactors,
    IReadOnlyDictionary<string, double>? AcceptanceFactors,
    StagePosteriors? HazardPosteriors = null,
    StagePosteriors? AcceptancePosteriors = null);
