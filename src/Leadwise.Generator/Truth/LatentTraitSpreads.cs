namespace Leadwise.Generator.Truth;

/// <summary>
/// The spreads the generator draws the true model's latent traits with (docs/generator.md): each lead's
/// <see cref="LeadProfile.Responsiveness"/> ~ N(0, <see cref="ResponsivenessSd"/>²) and each message's
/// <see cref="MessageProfile.Quality"/> ~ N(0, <see cref="QualitySd"/>²), both on the reply logit. Whoever integrates
/// a latent trait out, or puts a prior on it, uses these.
/// </summary>
public static class LatentTraitSpreads
{
    /// <summary>The default of <see cref="TrueModelParameters.ResponsivenessSd"/>; an export may use another (its truth file says which).</summary>
    public const double ResponsivenessSd = 0.6;

    public const double QualitySd = 0.3;
}
