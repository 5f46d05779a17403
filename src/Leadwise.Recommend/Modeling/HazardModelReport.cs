namespace Leadwise.Recommend.Modeling;

/// <summary>
/// How the sequence model's stages were chosen and how well they predict held-out leads; <see cref="Acceptance"/> is null
/// without gated campaigns; <see cref="TextDimensions"/> is the length of the message text vector among the features (0:
/// the model reads message traits only, as every model saved before text features), read as <see cref="TextReader"/> says
/// (components in every model saved before the sentence reader).
/// </summary>
public sealed record HazardModelReport(StageReport Hazard, StageReport? Acceptance, int TextDimensions = 0, MessageTextReader TextReader = MessageTextReader.Components);
