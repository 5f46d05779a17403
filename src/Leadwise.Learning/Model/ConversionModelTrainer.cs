using System.Security.Cryptography;
using Leadwise.Learning.Explanations;
using Leadwise.Learning.Features;
using Leadwise.Learning.Monitoring;
using Leadwise.Learning.Training;
using Microsoft.ML;

namespace Leadwise.Learning.Model;

/// <summary>How to train a conversion model.</summary>
/// <param name="Folds">Cross-validation folds for model selection, calibration and the reported metrics.</param>
/// <param name="Seed">Seeds folds and trainers: the same data and seed give the same model and metrics.</param>
/// <param name="Trainers">The trainers to compare; all of them when null.</param>
/// <param name="Bands">Grade bands; when null, set from the held-out predictions (top 10% A, next 20% B, next 30% C).</param>
/// <param name="Importance">Measure permutation feature importance of the chosen trainer (one more fit on a 70% split).</param>
/// <param name="TimeSplit">Also train every trainer on the leads invited first and measure it on the rest (this share trained on); null skips it.</param>
/// <param name="Features">The optional feature groups tried (<see cref="FeatureSelection"/>); <see cref="LeadFeatureOptions.Conversion"/> when null.</param>
public sealed record ConversionTrainingOptions(int Folds = 5, int Seed = 0, IReadOnlyList<TrainerKind>? Trainers = null, GradeBands? Bands = null, bool Importance = true, double? TimeSplit = null, LeadFeatureOptions? Features = null);

/// <summary>A trained model, the report of how it was chosen, and the time split when asked for.</summary>
public sealed record TrainedConversionModel(ConversionModel Model, TrainingReport Report, StoreTimeSplit? TimeSplit = null)
{
    /// <summary>Each optional feature group tried, with the held-out AUC it added, and whether the model uses it.</summary>
    public IReadOnlyList<FeatureGroupChoice> FeatureChoices => Model.Card.FeatureChoices ?? [];
}

/// <summary>The time split on invited leads: trained on those invited up to <see cref="TrainedUntil"/>, measured on those invited from <see cref="TestedFrom"/>.</summary>
public sealed record StoreTimeSplit(DateTimeOffset TrainedUntil, DateTimeOffset TestedFrom, TimeSplitRun Run);

/// <summary>
/// Trains the conversion model that scoring uses: cross-validates every trainer (<see cref="ConversionTrainer"/>),
/// refits the best on all rows, and keeps the calibration fitted on its out-of-fold predictions — so the
/// reported metrics are those of the procedure, measured on rows each fold's model never saw.
/// </summary>
public static class ConversionModelTrainer
{
    public static TrainedConversionModel Train(IReadOnlyList<PreContactFacts> leads, IReadOnlyList<bool> converted, ConversionTrainingOptions options, DateTimeOffset trainedAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(leads);
        ArgumentNullException.ThrowIfNull(converted);
        ArgumentNullException.ThrowIfNull(options);
        var (encoder, data, run, choices) = FeatureSelection.Choose(leads, converted, options, cancellationToken);
        var report = run.Report;
        cancellationToken.ThrowIfCancellationRequested();

        var ml = new MLContext(options.Seed);
        var model = Trainers.Fit(ml, report.Chosen, TrainingData.Load(ml, data.Select(_ => true), data.FeatureNames.Count));
        var calibrator = report.Calibration.Calibrator;
        var groups = FeatureGroup.Of(data.FeatureNames, data.Rows);
        var inSample = ConversionModel.Probabilities(ml, model, calibrator, data.Rows, data.FeatureNames.Count);
        var chosen = report.Trainers.Single(t => t.Trainer == report.Chosen);
        var metrics = report.CalibratedMetrics;
        var card = new ConversionModelCard(
            trainedAt,
            report.Chosen.ToString(),
            report.Calibration.Chosen.ToString(),
            options.Seed,
            options.Folds,
            report.Rows,
            report.Positives,
            Fingerprint(data),
            data.FeatureNames,
            groups,
            Reference(groups, data),
            new HeldOutMetrics(metrics.RocAuc, chosen.AucLow, chosen.AucHigh, metrics.PrAuc, metrics.LogLoss, metrics.Brier, metrics.CalibrationError,
                metrics.Lift[1].Lift, (double)report.Positives / report.Rows),
            [.. report.Trainers.Select(t => new TrainerMetrics(t.Trainer.ToString(), t.Metrics, t.AucLow, t.AucHigh))],
            options.Importance
                ? [.. new PermutationImportance(seed: options.Seed).Compute(data, report.Chosen, cancellationToken).Groups
                    .Select(g => new GroupImportance(g.Group, g.MeanAucDrop, g.StandardDeviation))]
                : [],
            options.Bands ?? GradeBands.FromShares(run.CalibratedOutOfFold),
            encoder.State,
            DriftBaseline.Fit(groups, data.Rows, inSample),
            report.Warnings)
        {
            FeatureChoices = choices,
        };
        StoreTimeSplit? timeSplit = null;
        if (options.TimeSplit is { } share)
        {
            int[] oldestFirst = [.. Enumerable.Range(0, leads.Count).OrderBy(i => leads[i].InvitedAt).ThenBy(i => i)];
            var split = Training.TimeSplit.Evaluate(data, oldestFirst, share, options.Trainers ?? Enum.GetValues<TrainerKind>(), options.Seed, cancellationToken);
            timeSplit = new StoreTimeSplit(leads[split.TrainRows[^1]].InvitedAt, leads[split.TestRows[0]].InvitedAt, split);
        }

        return new TrainedConversionModel(new ConversionModel(card, ml, model, calibrator, [.. leads.Select(l => l.LeadId)], run.CalibratedOutOfFold, run.Labels), report, timeSplit);
    }

    /// <summary>The typical training row explanations compare with: each categorical group's most common value, each number's median.</summary>
    private static float[] Reference(IReadOnlyList<FeatureGroup> groups, FeatureMatrix data)
    {
        var reference = new float[data.FeatureNames.Count];
        foreach (var group in groups)
        {
            if (group.Categorical)
            {
                var mode = data.Rows.GroupBy(row => group.HotIndex(row)).MaxBy(g => g.Count())!.Key;
                reference[group.Columns[mode]] = 1;
                continue;
            }

            var column = group.Columns[0];
            var present = data.Rows.Select(row => row[column]).Where(v => !float.IsNaN(v)).Order().ToArray();
            reference[column] = present.Length == 0 ? float.NaN : present[present.Length / 2];
        }

        return reference;
    }

    /// <summary>Identifies the training data (features and labels) so two versions can be told apart or matched.</summary>
    private static string Fingerprint(FeatureMatrix data)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', data.FeatureNames)));
        for (var i = 0; i < data.Rows.Count; i++)
        {
            hash.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(data.Rows[i].AsSpan()));
            hash.AppendData([data.Labels[i] ? (byte)1 : (byte)0]);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }
}
