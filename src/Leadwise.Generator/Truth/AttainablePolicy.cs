using Leadwise.Core.Outreach;

namespace Leadwise.Generator.Truth;

/// <summary>
/// The attainable (Bayes) policy: the best any learner could send from given logs if it knew the true model's form and
/// parameters and every logged lead's true profile, but — like any learner — not the messages' latent
/// part of <see cref="MessageProfile.Quality"/> (what is left after its <see cref="MessageProfile.Wording"/>, which the content
/// shows) nor the latent responsiveness of the lead it chooses for.
/// <list type="bullet">
/// <item>Each message's latent quality gets its posterior given its logged sends: prior N(0, σ²) with the generator's σ
/// (<see cref="TrueModelParameters.LatentQualitySd"/>), likelihood Π h^y (1 − h)^(1−y) with h the true hazard of the logged
/// lead at that step. By default the logged lead's responsiveness is not known either: each send's h is its expectation
/// over the responsiveness given what the lead's earlier logged steps show (it accepted a gated invite, it did not reply
/// before), which by the chain rule makes the product the exact likelihood of each lead's record (the earlier messages'
/// qualities taken at their wording). With <c>knowsLoggedResponsiveness</c> the logged leads' true responsiveness is used
/// — a looser bound, the one this policy gave before 2026-12-07. integrated on a grid of <see cref="GridPoints"/>
/// points spanning ±<see cref="GridHalfWidth"/> Laplace standard deviations around the posterior mode (so a message
/// with many sends and a far-off quality is resolved as finely as one near the prior). Acceptance does not depend on
/// quality, so acceptance outcomes carry no evidence; spam leads (hazard 0) none either. A message never sent keeps
/// the prior.</item>
/// <item>A lead to choose for has its responsiveness integrated out over N(0, <see cref="TrueModelParameters.ResponsivenessSd"/>²)
/// with the same five Gauss–Hermite points as the truth without latent traits; given it, the messages' qualities are
/// independent posteriors, so the posterior-expected reply probability is
/// E_u[A(u, m₀) · (1 − Π_k (1 − h̄_k(u)))] with h̄_k(u) = E_q[h(u, m_k, k, q)].</item>
/// <item>The sequence maximising it: <see cref="TrueReplyModel.BestSequence"/> at u = 0 with each quality at its
/// posterior mean as the start, then coordinate ascent on the exact expectation.</item>
/// </list>
/// A message never sent is valued over its prior, not at its wording alone as the truth without latent traits values it: the
/// expected hazard of an uncertain quality is a little above the hazard at its mean.
/// </summary>
public sealed class AttainablePolicy
{
    /// <summary>Grid points of a quality posterior.</summary>
    public const int GridPoints = 81;

    /// <summary>How far the grid reaches either side of the posterior mode, in Laplace standard deviations.</summary>
    public const double GridHalfWidth = 8;

    /// <summary>Points below this posterior weight are dropped from the expectations (their share of any hazard is negligible).</summary>
    private const double NegligibleWeight = 1e-12;


    /// <summary>Where a logged lead's responsiveness is read, in its standard deviations: 25 points over ±4.</summary>
    private static readonly double[] ResponsivenessGrid = [.. Enumerable.Range(0, 25).Select(i => -4.0 + (i / 3.0))];

    private readonly double _responsivenessSd;
    private readonly double[] _nodes;
    private readonly Dictionary<MessageKey, QualityPosterior> _posteriors;

    /// <param name="model">The true model.</param>
    /// <param name="logged">The training logs: every send that reached a lead who had not replied before, with the lead's true profile.</param>
    /// <param name="qualitySd">The prior's standard deviation of a message's latent quality; the model's <see cref="TrueModelParameters.LatentQualitySd"/> when null.</param>
    /// <param name="responsivenessSd">The spread of a lead's responsiveness, integrated out for the lead chosen for (and for the logged leads); the model's own <see cref="TrueModelParameters.ResponsivenessSd"/> when null.</param>
    /// <param name="knowsLoggedResponsiveness">Read the logs with the logged leads' true responsiveness instead of integrating it out.</param>
    public AttainablePolicy(TrueReplyModel model, IEnumerable<ObservedStep> logged, double? qualitySd = null, double? responsivenessSd = null, bool knowsLoggedResponsiveness = false)
    {
        ArgumentNullException.ThrowIfNull(logged);
        Model = model ?? throw new ArgumentNullException(nameof(model));
        var sd = qualitySd ?? model.Parameters.LatentQualitySd;
        ArgumentOutOfRangeException.ThrowIfNegative(sd, nameof(qualitySd));
        _responsivenessSd = responsivenessSd ?? model.Parameters.ResponsivenessSd;
        ArgumentOutOfRangeException.ThrowIfNegative(_responsivenessSd, nameof(responsivenessSd));
        _nodes = [.. ResponsivenessGrid.Select(z => z * _responsivenessSd)];
        Prior = Fit([], sd, _nodes);
        var rows = logged.Where(step => !step.Lead.IsSpam).ToList();
        var evidence = knowsLoggedResponsiveness || _responsivenessSd == 0
            ? rows.Select(step => new Evidence(step.Message.Key, KnownLogit(step.Lead, step.Message, step.Step), step.Replied, null)).ToList()
            : IntegrateResponsiveness(rows);
        _posteriors = evidence
            .GroupBy(row => row.Message)
            .ToDictionary(g => g.Key, g => Fit([.. g], sd, _nodes));
    }

    public TrueReplyModel Model { get; }

    /// <summary>The prior N(0, σ²) of the latent quality on the same kind of grid: what a message never sent is believed to be beyond its wording.</summary>
    public QualityPosterior Prior { get; }

    /// <summary>The posterior of <paramref name="message"/>'s latent quality (beyond its wording) given its logged sends; <see cref="Prior"/> when it was never sent.</summary>
    public QualityPosterior Posterior(MessageKey message) => _posteriors.GetValueOrDefault(message) ?? Prior;

    /// <summary>
    /// The sequence maximising <see cref="ExpectedReplyProbability"/> when step k may use any message of
    /// <paramref name="candidatesPerStep"/>[k] (every step up to the first one without candidates), with that expectation.
    /// </summary>
    public SequenceChoice BestSequence(LeadProfile lead, IReadOnlyList<IReadOnlyList<MessageProfile>> candidatesPerStep)
    {
        ArgumentNullException.ThrowIfNull(lead);
        ArgumentNullException.ThrowIfNull(candidatesPerStep);
        var length = TrueReplyModel.SequenceLength(candidatesPerStep);

        if (length == 0)
        {
            return new SequenceChoice([], 0.0);
        }

        var draws = Draws(lead);
        var steps = candidatesPerStep.Take(length).ToArray();
        var hazards = steps.Select((candidates, step) => candidates.Select(m => draws.Select(d => ExpectedHazard(d.Profile, m, step)).ToArray()).ToArray()).ToArray();
        var acceptances = steps[0].Select(m => draws.Select(d => Model.AcceptProbability(d.Profile, m)).ToArray()).ToArray();

        double Value(int[] chosen)
        {
            var value = 0.0;
            for (var d = 0; d < draws.Length; d++)
            {
                var none = 1.0;
                for (var step = 0; step < chosen.Length; step++)
                {
                    none *= 1.0 - hazards[step][chosen[step]][d];
                }

                value += draws[d].Weight * acceptances[chosen[0]][d] * (1.0 - none);
            }

            return value;
        }

        // Start where the exact separable choice at the mean responsiveness and the posterior-mean qualities points.
        var atMeans = steps.Select(candidates => candidates.Select(m => m with { Quality = m.Wording + Posterior(m.Key).Mean }).ToArray()).ToArray();
        var start = Model.BestSequence(lead with { Responsiveness = 0 }, atMeans).Messages;
        var best = start.Select((m, step) => Array.IndexOf(atMeans[step], m)).ToArray();
        var bestValue = Value(best);
        for (var pass = 0; pass < 10; pass++)
        {
            var improved = false;
            for (var step = 0; step < length; step++)
            {
                for (var c = 0; c < steps[step].Count; c++)
                {
                    var trial = (int[])best.Clone();
                    trial[step] = c;
                    var value = Value(trial);
                    if (value > bestValue + 1e-15)
                    {
                        (best, bestValue, improved) = (trial, value, true);
                    }
                }
            }

            if (!improved)
            {
                break;
            }
        }

        return new SequenceChoice([.. best.Select((c, step) => steps[step][c])], bestValue);
    }

    /// <summary>
    /// The posterior-expected P(the lead replies at some step) when sent <paramref name="sequence"/>: the lead's
    /// responsiveness integrated out, each message's quality over its posterior. 0 for an empty sequence.
    /// </summary>
    public double ExpectedReplyProbability(LeadProfile lead, IReadOnlyList<MessageProfile> sequence)
    {
        ArgumentNullException.ThrowIfNull(lead);
        ArgumentNullException.ThrowIfNull(sequence);
        if (sequence.Count == 0)
        {
            return 0.0;
        }

        var value = 0.0;
        foreach (var (profile, weight) in Draws(lead))
        {
            var none = 1.0;
            for (var step = 0; step < sequence.Count; step++)
            {
                none *= 1.0 - ExpectedHazard(profile, sequence[step], step);
            }

            value += weight * Model.AcceptProbability(profile, sequence[0]) * (1.0 - none);
        }

        return value;
    }

    /// <summary>
    /// Each logged send with the lead's responsiveness replaced by its posterior on <see cref="ResponsivenessGrid"/> given
    /// the lead's earlier logged steps: the prior, times the acceptance of a gated invite (a lead with a logged step
    /// accepted it), times the non-reply of every earlier step. Sends without a lead id are read with the prior alone.
    /// </summary>
    private List<Evidence> IntegrateResponsiveness(List<ObservedStep> rows)
    {
        var prior = ResponsivenessGrid.Select(z => Math.Exp(-0.5 * z * z)).ToArray();
        var priorWeights = Normalised(prior);
        var evidence = new List<Evidence>(rows.Count);
        evidence.AddRange(rows.Where(step => step.LeadId is null)
            .Select(step => new Evidence(step.Message.Key, KnownLogit(step.Lead, step.Message, step.Step) - step.Lead.Responsiveness, step.Replied, priorWeights)));
        foreach (var lead in rows.Where(step => step.LeadId is not null).GroupBy(step => step.LeadId))
        {
            var steps = lead.OrderBy(step => step.Step).ToList();
            var weights = (double[])prior.Clone();
            if (steps[0].Step == 0 && steps[0].Message.IsGated)
            {
                for (var n = 0; n < _nodes.Length; n++)
                {
                    weights[n] *= Model.AcceptProbability(steps[0].Lead with { Responsiveness = _nodes[n] }, steps[0].Message);
                }
            }

            foreach (var step in steps)
            {
                var free = KnownLogit(step.Lead, step.Message, step.Step) - step.Lead.Responsiveness;
                evidence.Add(new Evidence(step.Message.Key, free, step.Replied, Normalised(weights)));

                // The next step was reached without a reply here (its quality taken at its wording, the prior mean).
                for (var n = 0; n < _nodes.Length; n++)
                {
                    weights[n] *= 1.0 - Sigmoid(free + _nodes[n]);
                }
            }
        }

        return evidence;
    }

    private static float[] Normalised(double[] weights)
    {
        var total = weights.Sum();
        return [.. weights.Select(w => (float)(w / total))];
    }

    private (LeadProfile Profile, double Weight)[] Draws(LeadProfile lead) =>
        [.. TrueReplyModel.StandardNormal.Select(n => (lead with { Responsiveness = _responsivenessSd * n.Node }, n.Weight))];

    /// <summary>E_q[h] over the message's quality posterior for a lead whose responsiveness is given.</summary>
    private double ExpectedHazard(LeadProfile lead, MessageProfile message, int step)
    {
        if (lead.IsSpam)
        {
            return 0.0;
        }

        var logit = KnownLogit(lead, message, step);
        var expected = 0.0;
        foreach (var (quality, weight) in Posterior(message.Key).Points)
        {
            expected += weight * Sigmoid(logit + quality);
        }

        return expected;
    }

    /// <summary>The reply logit with the message's latent quality taken out (its wording kept: the content shows it).</summary>
    private double KnownLogit(LeadProfile lead, MessageProfile message, int step) => Model.Logit(lead, message, step) - (message.Quality - message.Wording);

    /// <summary>
    /// The posterior of the latent quality given rows (logit without it, replied), prior N(0, sd²). Rows whose lead's
    /// responsiveness is known: mode by Newton, then the grid around it. Rows with the responsiveness on
    /// <paramref name="nodes"/> (weights per row): a coarse grid finds where the posterior lives, a fine grid covers it.
    /// </summary>
    private static QualityPosterior Fit(IReadOnlyList<Evidence> rows, double sd, double[] nodes)
    {
        if (sd == 0)
        {
            // No latent part: the wording is the whole quality, and no send can say otherwise.
            return new QualityPosterior(0, 0, rows.Count, rows.Count(r => r.Replied), [(0.0, 1.0)]);
        }

        if (rows.Any(r => r.Weights is not null))
        {
            return FitIntegrated(rows, sd, nodes);
        }

        var precision = 1.0 / (sd * sd);
        var mode = 0.0;
        var curvature = precision;
        for (var iteration = 0; iteration < 100; iteration++)
        {
            var gradient = -mode * precision;
            curvature = precision;
            foreach (var (_, logit, replied, _) in rows)
            {
                var p = Sigmoid(logit + mode);
                gradient += (replied ? 1.0 : 0.0) - p;
                curvature += p * (1.0 - p);
            }

            // The log posterior is strictly concave; the clamp only keeps a first step from a far start sane.
            var move = Math.Clamp(gradient / curvature, -1.0, 1.0);
            mode += move;
            if (Math.Abs(move) < 1e-10)
            {
                break;
            }
        }

        var halfWidth = GridHalfWidth / Math.Sqrt(curvature);
        var grid = new double[GridPoints];
        var logPosterior = new double[GridPoints];
        for (var i = 0; i < GridPoints; i++)
        {
            var q = mode + (halfWidth * ((2.0 * i / (GridPoints - 1)) - 1.0));
            grid[i] = q;
            var log = -0.5 * q * q * precision;
            foreach (var (_, logit, replied, _) in rows)
            {
                log += LogSigmoid(replied ? logit + q : -(logit + q));
            }

            logPosterior[i] = log;
        }

        return Normalise(grid, logPosterior, rows);
    }

    private static QualityPosterior FitIntegrated(IReadOnlyList<Evidence> rows, double sd, double[] nodes)
    {
        double LogPosterior(double q)
        {
            var log = -0.5 * q * q / (sd * sd);
            foreach (var row in rows)
            {
                double p;
                if (row.Weights is { } weights)
                {
                    p = 0;
                    for (var n = 0; n < nodes.Length; n++)
                    {
                        p += weights[n] * Sigmoid(row.Logit + nodes[n] + q);
                    }
                }
                else
                {
                    p = Sigmoid(row.Logit + q);
                }

                log += Math.Log(Math.Clamp(row.Replied ? p : 1.0 - p, 1e-300, 1.0));
            }

            return log;
        }

        // Coarse: where the posterior lives (±8 prior sds, well beyond any quality the generator draws).
        const int Coarse = 97;
        var reach = 8 * sd;
        var coarse = Enumerable.Range(0, Coarse).Select(i => -reach + (2 * reach * i / (Coarse - 1))).ToArray();
        var coarseLog = coarse.Select(LogPosterior).ToArray();
        var top = coarseLog.Max();
        var inside = Enumerable.Range(0, Coarse).Where(i => coarseLog[i] >= top - 40).ToArray();
        var step = coarse[1] - coarse[0];
        var low = coarse[inside[0]] - step;
        var high = coarse[inside[^1]] + step;
        var grid = Enumerable.Range(0, GridPoints).Select(i => low + ((high - low) * i / (GridPoints - 1))).ToArray();
        return Normalise(grid, [.. grid.Select(LogPosterior)], rows);
    }

    private static QualityPosterior Normalise(double[] grid, double[] logPosterior, IReadOnlyList<Evidence> rows)
    {
        var top = logPosterior.Max();
        var weights = logPosterior.Select(log => Math.Exp(log - top)).ToArray();
        var total = weights.Sum();
        var kept = Enumerable.Range(0, grid.Length).Where(i => weights[i] / total >= NegligibleWeight).ToArray();
        var keptTotal = kept.Sum(i => weights[i]);
        var points = kept.Select(i => (grid[i], weights[i] / keptTotal)).ToArray();
        var mean = points.Sum(p => p.Item1 * p.Item2);
        var variance = points.Sum(p => p.Item2 * (p.Item1 - mean) * (p.Item1 - mean));
        return new QualityPosterior(mean, Math.Sqrt(variance), rows.Count, rows.Count(r => r.Replied), points);
    }

    private static double Sigmoid(double x) => 1.0 / (1.0 + Math.Exp(-x));

    /// <summary>One logged send as evidence on its message's latent quality: the logit without that quality, and — when the lead's responsiveness is integrated out — the logit without it and its weights on the responsiveness grid.</summary>
    private sealed record Evidence(MessageKey Message, double Logit, bool Replied, float[]? Weights);

    private static double LogSigmoid(double x) => x >= 0 ? -Math.Log(1.0 + Math.Exp(-x)) : x - Math.Log(1.0 + Math.Exp(x));
}
