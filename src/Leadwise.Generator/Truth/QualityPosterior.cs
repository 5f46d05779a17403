namespace Leadwise.Generator.Truth;

/// <summary>
/// What the logs say about one message's latent quality — the part of <see cref="MessageProfile.Quality"/> beyond its
/// <see cref="MessageProfile.Wording"/>: the posterior under the true
/// model, as weighted points on the logit scale (the weights sum to 1), with its mean and standard deviation and the
/// evidence behind it. A message the logs never sent has the prior.
/// </summary>
public sealed record QualityPosterior(double Mean, double StandardDeviation, int Rows, int Replies, IReadOnlyList<(double Quality, double Weight)> Points);
