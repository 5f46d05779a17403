using Leadwise.Core.Outreach;
using Leadwise.Learning.Evaluation;
using MathNet.Numerics.Distributions;
using Leadwise.Learning.Training;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Leadwise.Recommend.Modeling;

/// <summary>
/// One binary stage of the sequence model (the reply hazard, or invite acceptance): the trainers are compared by
/// cross-validation with folds grouped by lead (a lead's steps never straddle train and test), the best out-of-fold
/// ROC AUC wins and is refitted on all rows, and its out-of-fold predictions give each message's shrinkage factor.
/// <para>
/// Shrinkage (a Beta prior per message, and so per step, since a message belongs to one step): with n a message's rows,
/// y its positives and E the sum of the model's out-of-fold predictions over them (μ = E/n), the message's own rate
/// gets the prior Beta(a, a(1 − μ)/μ) — mean μ, a pseudo-positives — and the posterior mean (y + a)/(n + a/μ) divided
/// by μ scales the model's prediction for any lead: factor = (y + a)/(E + a). 1 for messages never sent, the
/// observed/expected ratio for heavily used ones. It captures what the features cannot see (the wording's quality)
/// without letting a message with 3 sends and 1 reply win. a is estimated from the data (empirical Bayes, method of
/// moments): the spread of y around E beyond binomial noise, τ² = max(0, Σ((y − E)² − E)) / Σ E², is the variance of
/// the messages' true factors, and a = 1/τ² (a Gamma(a, a) prior on the factor, which the Beta prior matches at low
/// rates); no spread means no message effects and factors of 1. <see cref="HazardModelOptions.PriorStrength"/> fixes
/// κ = a/μ instead.
/// </para>
/// <para>
/// The factor's posterior is Gamma(y + a, E + a) (its mean is the factor above); SampleFactor draws from it
/// for Thompson sampling (SampleFactor), and from the prior Gamma(a, a) for a message never sent, so new and sparse messages get
/// traffic in proportion to the chance that they are better.
/// </para>
/// </summary>
internal sealed record StagePosteriors(IReadOnlyDictionary<string, double[]> Messages, double? UnseenPrior);

internal sealed class ModelStage
{
    private readonly MLContext _ml;
    private readonly ITransformer _model;
    private readonly int _width;
    private readonly IReadOnlyDictionary<MessageKey, double> _factors;
    private readonly IReadOnlyDictionary<MessageKey, (double Shape, double Rate)> _posteriors;
    private readonly double _unseenPrior;

    internal ModelStage(MLContext ml, ITransformer model, int width, IReadOnlyDictionary<MessageKey, double> factors, StageReport report, StagePosteriors? posteriors = null)
    {
        _ml = ml;
        _model = model;
        _width = width;
        _factors = factors;
        Report = report;
        _posteriors = posteriors?.Messages.ToDictionary(
            p => MessageKey.TryParse(p.Key, out var key) ? key : throw new InvalidDataException($"The model file holds a posterior for '{p.Key}', which is not a message key."),
            p => (p.Value[0], p.Value[1])) ?? [];
        _unseenPrior = posteriors?.UnseenPrior ?? double.PositiveInfinity;
        Linear = LinearStageScorer.TryCreate(ml, model, width);
    }

    /// <summary>The stage's model evaluated directly when it is logistic regression; null for trees, which go through ML.NET (<see cref="PredictRaw(int, FeatureRowsView.RowWriter)"/>).</summary>
    public LinearStageScorer? Linear { get; }

    /// <summary>Each message's Gamma posterior of its factor and the prior of a message never sent, for saving; null when no message effect was found.</summary>
    public StagePosteriors Posteriors => new(
        _posteriors.ToDictionary(p => p.Key.ToString(), p => new[] { p.Value.Shape, p.Value.Rate }, StringComparer.Ordinal),
        double.IsFinite(_unseenPrior) ? _unseenPrior : null);

    public StageReport Report { get; }

    /// <summary>Each message's shrinkage factor, by its string key ("&lt;order&gt;-&lt;campaignId&gt;"), for saving.</summary>
    public IReadOnlyDictionary<string, double> FactorsByKey => _factors.ToDictionary(p => p.Key.ToString(), p => p.Value, StringComparer.Ordinal);

    /// <summary>The fitted ML.NET model as bytes (ML.NET's own zip format).</summary>
    public byte[] ModelBytes()
    {
        using var buffer = new MemoryStream();
        _ml.Model.Save(_model, TrainingData.Load(_ml, [], _width).Schema, buffer);
        return buffer.ToArray();
    }

    public static ModelStage Restore(byte[] model, int width, IReadOnlyDictionary<string, double> factors, StageReport report, int seed, StagePosteriors? posteriors = null)
    {
        var ml = new MLContext(seed: seed);
        using var buffer = new MemoryStream(model);
        var transformer = ml.Model.Load(buffer, out _);
        var keyed = factors.ToDictionary(
            p => MessageKey.TryParse(p.Key, out var key) ? key : throw new InvalidDataException($"The model file holds a shrinkage factor for '{p.Key}', which is not a message key."),
            p => p.Value);
        return new ModelStage(ml, transformer, width, keyed, report, posteriors);
    }

    public static ModelStage Fit(string stage, IReadOnlyList<StageRow> rows, int width, HazardModelOptions options, CancellationToken cancellationToken)
    {
        var positives = rows.Count(r => r.Label);
        if (positives < 10 || rows.Count - positives < 10)
        {
            throw new NotEnoughDataException($"The {stage} model needs at least 10 rows of each class; there are {positives} positive and {rows.Count - positives} negative.");
        }

        var folds = rows.Select(r => Fold(r.Lead, options.Seed, options.Folds)).ToArray();
        var labels = rows.Select(r => r.Label).ToArray();
        var scores = new List<TrainerScore>();
        double[]? bestOutOfFold = null;
        TrainerKind? best = null;
        foreach (var kind in options.Trainers)
        {
            var outOfFold = new double[rows.Count];
            for (var fold = 0; fold < options.Folds; fold++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var test = Enumerable.Range(0, rows.Count).Where(i => folds[i] == fold).ToArray();
                if (test.Length == 0)
                {
                    continue;
                }

                var train = Enumerable.Range(0, rows.Count).Where(i => folds[i] != fold).Select(i => rows[i]).ToList();
                var model = Train(new MLContext(seed: options.Seed), train, width, kind);
                var predicted = Predict(new MLContext(seed: options.Seed), model, [.. test.Select(i => rows[i].Features)], width);
                for (var j = 0; j < test.Length; j++)
                {
                    outOfFold[test[j]] = predicted[j];
                }
            }

            var metrics = BinaryMetrics.Compute(outOfFold, labels);
            scores.Add(new TrainerScore(kind, metrics.RocAuc, metrics.LogLoss, metrics.CalibrationError));
            if (best is null || metrics.RocAuc > scores.First(s => s.Trainer == best).RocAuc)
            {
                best = kind;
                bestOutOfFold = outOfFold;
            }
        }

        var chosen = best ?? throw new ArgumentException("No trainer to compare.", nameof(options));
        var (factors, priorReplies, posteriors) = Factors(rows, bestOutOfFold!, options.PriorStrength);
        var ml = new MLContext(seed: options.Seed);
        var final = Train(ml, rows, width, chosen);
        var report = new StageReport(stage, rows.Count, positives, chosen, scores, StepsOf(rows, bestOutOfFold!), factors.Count, priorReplies);
        return new ModelStage(ml, final, width, factors, report, posteriors);
    }

    /// <summary>Shrunk probabilities for rows of features with the message each row is about.</summary>
    public double[] Predict(IReadOnlyList<float[]> features, IReadOnlyList<MessageKey> messages) => Shrink(PredictRaw(features), messages);

    /// <summary>The model's probabilities for rows of features, without any message's shrinkage factor.</summary>
    public double[] PredictUnshrunk(IReadOnlyList<float[]> features) => Cap(PredictRaw(features));

    /// <summary>The fitted model's probabilities for rows of features, through the ML.NET pipeline.</summary>
    public double[] PredictRaw(IReadOnlyList<float[]> features) => Predict(_ml, _model, features, _width);

    /// <summary>The fitted model's probabilities for <paramref name="count"/> rows that <paramref name="write"/> writes as ML.NET reads them, through the ML.NET pipeline.</summary>
    public double[] PredictRaw(int count, FeatureRowsView.RowWriter write) =>
        count == 0 ? [] : Probabilities(_model, new FeatureRowsView(count, _width, write));

    /// <summary>The model's probabilities (<paramref name="raw"/>, overwritten) scaled by each row's message factor and capped at 0.999.</summary>
    public double[] Shrink(double[] raw, IReadOnlyList<MessageKey> messages)
    {
        for (var i = 0; i < raw.Length; i++)
        {
            raw[i] = Math.Min(raw[i] * Factor(messages[i]), 0.999);
        }

        return raw;
    }

    /// <summary>The model's probabilities (<paramref name="raw"/>, overwritten) capped at 0.999, without any message's factor.</summary>
    public static double[] Cap(double[] raw)
    {
        for (var i = 0; i < raw.Length; i++)
        {
            raw[i] = Math.Min(raw[i], 0.999);
        }

        return raw;
    }

    /// <summary>
    /// A draw of the message's factor from its posterior (Thompson sampling); from the prior for a message never sent;
    /// the factor itself when the stage found no message effect or was saved before posteriors were kept.
    /// </summary>
    public double SampleFactor(MessageKey message, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (_posteriors.TryGetValue(message, out var posterior))
        {
            return Gamma.Sample(random, posterior.Shape, posterior.Rate);
        }

        if (_factors.TryGetValue(message, out var factor))
        {
            return factor;
        }

        return double.IsFinite(_unseenPrior) ? Gamma.Sample(random, _unseenPrior, _unseenPrior) : 1.0;
    }

    /// <summary>The model's probabilities (<paramref name="raw"/>, overwritten), each scaled by a draw of its message's factor (<see cref="SampleFactor"/>).</summary>
    public double[] Sample(double[] raw, IReadOnlyList<MessageKey> messages, Random random)
    {
        for (var i = 0; i < raw.Length; i++)
        {
            raw[i] = Math.Min(raw[i] * SampleFactor(messages[i], random), 0.999);
        }

        return raw;
    }

    /// <summary>The message's shrinkage factor (1 for a message the training data never sent).</summary>
    public double Factor(MessageKey message) => _factors.TryGetValue(message, out var factor) ? factor : 1.0;

    /// <summary>
    /// The message's factor with the central <paramref name="level"/> interval of its Gamma posterior; the interval is
    /// the factor itself when the stage found no message effect (or was saved before posteriors were kept), and null
    /// for a message the training data never sent.
    /// </summary>
    public (double Factor, double Low, double High)? FactorInterval(MessageKey message, double level)
    {
        if (!_factors.TryGetValue(message, out var factor))
        {
            return null;
        }

        if (!_posteriors.TryGetValue(message, out var posterior))
        {
            return (factor, factor, factor);
        }

        var tail = (1 - level) / 2;
        return (factor, Gamma.InvCDF(posterior.Shape, posterior.Rate, tail), Gamma.InvCDF(posterior.Shape, posterior.Rate, 1 - tail));
    }

    internal static int Fold(LeadId lead, int seed, int folds)
    {
        // SplitMix64 of the id and the seed: a fixed, seedable assignment of whole leads to folds.
        var z = unchecked((ulong)lead.Value + ((ulong)seed * 0x9E3779B97F4A7C15UL) + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return (int)(z % (ulong)folds);
    }

    private static ITransformer Train(MLContext ml, IReadOnlyList<StageRow> rows, int width, TrainerKind kind) =>
        Trainers.Fit(ml, kind, TrainingData.Load(ml, rows.Select(r => new BinaryRow { Features = r.Features, Label = r.Label }), width));

    private static double[] Predict(MLContext ml, ITransformer model, IReadOnlyList<float[]> features, int width)
    {
        if (features.Count == 0)
        {
            return [];
        }

        return Probabilities(model, TrainingData.Load(ml, features.Select(f => new BinaryRow { Features = f }), width));
    }

    private static double[] Probabilities(ITransformer model, IDataView rows) =>
        [.. model.Transform(rows).GetColumn<float>("Probability").Select(p => (double)p)];

    private static (Dictionary<MessageKey, double> Factors, double PriorReplies, StagePosteriors Posteriors) Factors(IReadOnlyList<StageRow> rows, double[] outOfFold, double? strength)
    {
        var sums = new Dictionary<MessageKey, (double Expected, int Observed, int Rows)>();
        for (var i = 0; i < rows.Count; i++)
        {
            var (expected, observed, n) = sums.GetValueOrDefault(rows[i].Message);
            sums[rows[i].Message] = (expected + outOfFold[i], observed + (rows[i].Label ? 1 : 0), n + 1);
        }

        var excess = sums.Values.Sum(v => ((v.Observed - v.Expected) * (v.Observed - v.Expected)) - v.Expected);
        var spread = Math.Max(0, excess) / sums.Values.Sum(v => v.Expected * v.Expected);
        var estimated = spread <= 1e-9 ? double.PositiveInfinity : 1 / spread;
        double Prior((double Expected, int Observed, int Rows) sum) => strength is { } kappa ? kappa * sum.Expected / sum.Rows : estimated;
        var factors = sums.ToDictionary(p => p.Key, p =>
        {
            var prior = Prior(p.Value);
            return double.IsPositiveInfinity(prior) ? 1.0 : (p.Value.Observed + prior) / (p.Value.Expected + prior);
        });
        var posteriors = sums.Where(p => double.IsFinite(Prior(p.Value)))
            .ToDictionary(p => p.Key.ToString(), p => new[] { p.Value.Observed + Prior(p.Value), p.Value.Expected + Prior(p.Value) }, StringComparer.Ordinal);
        // A message never sent: the prior a of a typical message (κ times the stage's mean predicted rate when κ is fixed).
        var unseen = strength is { } fixedStrength ? fixedStrength * sums.Values.Sum(v => v.Expected) / sums.Values.Sum(v => v.Rows) : estimated;
        return (factors, estimated, new StagePosteriors(posteriors, double.IsFinite(unseen) ? unseen : null));
    }

    private static List<StepMetrics> StepsOf(IReadOnlyList<StageRow> rows, double[] outOfFold) =>
        [.. Enumerable.Range(0, rows.Count).GroupBy(i => rows[i].Step).OrderBy(g => g.Key).Select(g =>
        {
            var p = g.Select(i => outOfFold[i]).ToArray();
            var y = g.Select(i => rows[i].Label).ToArray();
            var positives = y.Count(label => label);
            var metrics = BinaryMetrics.Compute(p, y);
            var auc = positives == 0 || positives == y.Length ? double.NaN : metrics.RocAuc;
            return new StepMetrics(g.Key, y.Length, positives, auc, metrics.CalibrationError, p.Average(), positives / (double)y.Length);
        })];
}
