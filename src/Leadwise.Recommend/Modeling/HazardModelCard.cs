using Leadwise.Learning.Features;

namespace Leadwise.Recommend.Modeling;

/// <summary>
/// What a saved <see cref="HazardModel"/> keeps besides its ML.NET models: the lead encoder's state, the reports, each
/// stage's shrinkage factors by message key and their posteriors for exploration (null in models saved before them), and the
/// length of the message text vector (null in models saved without text features; the transformer is its own entry), and
/// with the sentence reader its sentences instead of a transformer (null for the components reader and in models saved before it).
/// </summary>
internal sealed record HazardModelCard(
    EncoderState Encoder,
    HazardModelReport Report,
    IReadOnlyDictionary<string, double> HazardFactors,
    IReadOnlyDictionary<string, double>? AcceptanceFactors,
    StagePosteriors? HazardPosteriors = null,
    StagePosteriors? AcceptancePosteriors = null,
    int? TextDimensions = null,
    IReadOnlyList<string>? TextSentences = null);
