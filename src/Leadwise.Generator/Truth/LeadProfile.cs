namespace Leadwise.Generator.Truth;

/// <summary>
/// The latent attributes of a lead that drive the true reply model. <paramref name="Responsiveness"/> is an
/// unobservable per-lead random effect (logit scale); spam leads never accept and never reply.
/// </summary>
public sealed record LeadProfile(
    Seniority Seniority,
    Industry Industry,
    Language Language,
    Gender Gender,
    double Responsiveness,
    bool IsSpam);
