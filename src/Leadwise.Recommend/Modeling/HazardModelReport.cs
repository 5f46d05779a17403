namespace Leadwise.Recommend.Modeling;

/// <summary>How the sequence model's stages were chosen and how well they predict held-out leads; <see cref="Acceptance"/> is null without gated campaigns.</summary>
public sealed record HazardModelReport(StageReport Hazard, StageReport? Acceptance);
