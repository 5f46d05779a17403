namespace Leadwise.Recommend.Modeling;

/// <summary>How a stage estimates each message's own effect beyond its properties (the wording's quality), from its rows and the model's out-of-fold predictions.</summary>
public enum MessageEffectPrior
{
    /// <summary>A multiplicative factor with a Gamma(a, a) prior (the Beta prior on the message's rate), a by the method of moments.</summary>
    BetaFactor = 0,

    /// <summary>
    /// An offset b on the logit with a Gaussian prior N(0, τ²) — the form of the generator's message quality — τ by
    /// maximum marginal likelihood over all messages, each message's posterior on a grid; the factor is E[e^b].
    /// </summary>
    LogitGaussian = 1,
}
