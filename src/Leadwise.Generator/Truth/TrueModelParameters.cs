namespace Leadwise.Generator.Truth;

/// <summary>
/// The parameters of the <see cref="TrueReplyModel"/>, all on the logit scale. Lists indexed by an enum use
/// its numeric value (<see cref="Seniority"/> 0..4, <see cref="Industry"/> 0..6); <see cref="StepEffects"/> is
/// indexed by step (0 = invite), later steps use its last entry. Serialised as-is into <c>truth/model.json</c>.
/// </summary>
public sealed record TrueModelParameters
{
    // Reply hazard (given the lead is reachable: invite accepted, or an ungated channel).
    public double Intercept { get; init; } = -3.3;
    public IReadOnlyList<double> StepEffects { get; init; } = [0.3, 0.0, -0.2, -0.4, -0.6, -0.8];
    public IReadOnlyList<double> SeniorityEffects { get; init; } = [0.3, 0.1, 0.0, -0.2, -0.4];
    public IReadOnlyList<double> IndustryEffects { get; init; } = [0.25, 0.0, 0.1, -0.35, -0.1, -0.2, 0.05];

    /// <summary>Language match, by lead language × message language.</summary>
    public double GermanLeadGermanMessage { get; init; } = 0.5;
    public double GermanLeadEnglishMessage { get; init; } = -0.4;
    public double EnglishLeadGermanMessage { get; init; } = -1.5;
    public double EnglishLeadEnglishMessage { get; init; } = 0.0;

    /// <summary>A long message adds <c>LongMessage + LongMessagePerSeniority × (seniority − 2)</c>: seniors prefer short, juniors tolerate long.</summary>
    public double LongMessage { get; init; } = 0.0;
    public double LongMessagePerSeniority { get; init; } = -0.4;
    public double Personalised { get; init; } = 0.4;
    public double Question { get; init; } = 0.3;
    public double Link { get; init; } = -0.3;

    /// <summary>
    /// How much a message's wording moves its reply logit: its quality is <c>WordingScale × (the summed effects of the
    /// phrases it was built from, docs/generator.md) + LatentQualitySd × N(0, 1)</c>. 0 (the default) leaves quality
    /// independent of the text.
    /// </summary>
    public double WordingScale { get; init; }

    /// <summary>The spread of the part of a message's quality that nothing in its content shows.</summary>
    public double LatentQualitySd { get; init; } = LatentTraitSpreads.QualitySd;

    // Invite acceptance (only for sequences whose first message is gated).
    public double AcceptIntercept { get; init; } = -1.7;
    public IReadOnlyList<double> AcceptSeniorityEffects { get; init; } = [0.6, 0.3, 0.0, -0.3, -0.5];
    public double AcceptPersonalised { get; init; } = 0.3;
    public double AcceptGermanLeadGermanNote { get; init; } = 0.3;
    public double AcceptEnglishLeadGermanNote { get; init; } = -0.6;
    public double AcceptResponsivenessWeight { get; init; } = 0.5;

    /// <summary>
    /// The spread each lead's latent responsiveness u ~ N(0, ResponsivenessSd²) is drawn with (LeadSimulator); whoever
    /// integrates u out (the attainable policy, the features-only best sequence) reads it from here, so the truth file records it.
    /// </summary>
    public double ResponsivenessSd { get; init; } = LatentTraitSpreads.ResponsivenessSd;
}
