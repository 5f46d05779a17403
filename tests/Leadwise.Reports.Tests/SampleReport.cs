using Leadwise.Learning.Calibration;
using Leadwise.Learning.Training;
using Leadwise.Reports.Content;

namespace Leadwise.Reports.Tests;

/// <summary>
/// Real report content, built the way a caller would: a planted data set (two informative features, one
/// noise feature with missing values), cross-validated trainers, the chosen one's calibrated out-of-fold
/// probabilities, a drop-column importance, insights per value band and a crude point score as baseline.
/// Built once per test run and shared (cross-validation takes seconds).
/// </summary>
public sealed class SampleReport
{
    public static readonly DateTimeOffset GeneratedAt = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);

    private static readonly TrainerKind[] Trainers = [TrainerKind.LogisticRegression, TrainerKind.FastTree];

    public SampleReport()
    {
        var data = Planted(1500, seed: 21);
        var report = new ConversionTrainer(folds: 5, seed: 0).Evaluate(data, Trainers);
        var chosen = new CrossValidation(folds: 5, seed: 0).Run(data, report.Chosen); // the same seeded folds as Evaluate
        var calibrated = report.Calibration.Calibrator.Apply(chosen.OutOfFold);
        Labels = [.. data.Labels];
        var overall = (double)data.Positives / data.Labels.Count;
        Content = ModelReportContent.FromTraining("Conversion model report: planted data", GeneratedAt, report, data.FeatureNames, calibrated, Labels, "planted test data") with
        {
            PointScores = [.. data.Rows.Select(r => Math.Round(10 * r[0]) - Math.Round(5 * r[1]))],
            FeatureImportance = DropColumnImportance(data, report.Chosen, chosen.Metrics.RocAuc),
            Insights = [.. Bands(data, 0, "a", overall), .. Bands(data, 1, "b", overall), .. Missing(data, 2, "noise", overall)],
            Warnings = [.. report.Warnings, "Planted test data: the numbers describe nothing real."],
        };
        Training = report;
        Calibration = report.Calibration;
    }

    public ModelReportContent Content { get; }

    public TrainingReport Training { get; }

    public CalibrationChoice Calibration { get; }

    public bool[] Labels { get; }

    private static FeatureMatrix Planted(int rows, int seed)
    {
        var random = new Random(seed);
        var features = new List<float[]>();
        var labels = new List<bool>();
        for (var i = 0; i < rows; i++)
        {
            var x = new[] { (float)random.NextDouble(), (float)random.NextDouble(), random.NextDouble() < 0.1 ? float.NaN : (float)random.NextDouble() };
            features.Add(x);
            labels.Add(random.NextDouble() < 1 / (1 + Math.Exp(-((4 * x[0]) - (3 * x[1]) - 1.5))));
        }

        return new FeatureMatrix(["a", "b", "noise"], features, labels);
    }

    /// <summary>Each feature blanked (all NaN) in turn, cross-validated with two seeds: the mean and spread of the AUC lost.</summary>
    private static List<FeatureImportance> DropColumnImportance(FeatureMatrix data, TrainerKind kind, double fullAuc)
    {
        var result = new List<FeatureImportance>();
        for (var f = 0; f < data.FeatureNames.Count; f++)
        {
            var column = f;
            var blanked = new FeatureMatrix(data.FeatureNames, [.. data.Rows.Select(r => r.Select((v, k) => k == column ? float.NaN : v).ToArray())], data.Labels);
            double[] drops = [.. new[] { 0, 1 }.Select(seed => fullAuc - new CrossValidation(folds: 3, seed: seed).Run(blanked, kind).Metrics.RocAuc)];
            var mean = drops.Average();
            result.Add(new FeatureImportance(data.FeatureNames[f], mean, Math.Sqrt(drops.Sum(d => (d - mean) * (d - mean)) / (drops.Length - 1))));
        }

        return result;
    }

    private static IEnumerable<ConversionInsight> Bands(FeatureMatrix data, int column, string name, double overall)
    {
        (string Label, double Low, double High)[] bands = [("below 0.33", 0, 0.33), ("0.33–0.67", 0.33, 0.67), ("0.67 and above", 0.67, 1.01)];
        foreach (var (label, low, high) in bands)
        {
            var rows = Enumerable.Range(0, data.Rows.Count).Where(i => data.Rows[i][column] >= low && data.Rows[i][column] < high).ToList();
            yield return ConversionInsight.Of(name, label, rows.Count, rows.Count(i => data.Labels[i]), overall);
        }
    }

    private static IEnumerable<ConversionInsight> Missing(FeatureMatrix data, int column, string name, double overall)
    {
        foreach (var missing in new[] { true, false })
        {
            var rows = Enumerable.Range(0, data.Rows.Count).Where(i => float.IsNaN(data.Rows[i][column]) == missing).ToList();
            yield return ConversionInsight.Of(name, missing ? "missing" : "present", rows.Count, rows.Count(i => data.Labels[i]), overall);
        }
    }
}
