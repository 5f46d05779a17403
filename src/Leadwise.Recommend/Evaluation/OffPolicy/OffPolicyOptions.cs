namespace Leadwise.Recommend.Evaluation.OffPolicy;

/// <summary>How <see cref="OffPolicyEstimator"/> estimates propensities, intervals and when overlap is too small.</summary>
public sealed record OffPolicyOptions
{
    /// <summary>Seeds the bootstrap.</summary>
    public int Seed { get; init; }

    /// <summary>Bootstrap resamples of the held-out leads for the 95 % intervals.</summary>
    public int Resamples { get; init; } = 400;

    /// <summary>Pseudo-leads pulling each finer stratum's campaign shares towards the coarser one (<see cref="LoggingPolicy"/>).</summary>
    public double PropensitySmoothing { get; init; } = 10;

    /// <summary>A logged propensity below this counts as (near) zero: its weight (above 1/this) would let one lead dominate.</summary>
    public double NearZeroPropensity { get; init; } = 0.01;

    /// <summary>Fewer effective leads than this (Kish, (Σw)²/Σw²) cannot support an importance-weighted estimate.</summary>
    public double MinEffectiveSampleSize { get; init; } = 50;

    /// <summary>A larger share of leads whose target choice was (nearly) never logged for them cannot support the estimate.</summary>
    public double MaxUnsupportedShare { get; init; } = 0.1;

    /// <summary>
    /// IPS is withheld when the mean invite weight's 95 % interval lies this far above 1 (or below 1 − the near-zero share):
    /// right propensities average 1, and IPS scales with the error.
    /// </summary>
    public double MeanWeightTolerance { get; init; } = 0.1;

    /// <summary>Every weighting estimator (IPS, SNIPS, DR) is withheld when the mean invite weight is off 1 by more than this factor.</summary>
    public double MeanWeightFactor { get; init; } = 2;
}
