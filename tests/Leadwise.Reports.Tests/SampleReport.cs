using Leadwise.Learning.Calibration;
using Leadwise.Learning.Explanations;
using Leadwise.Learning.Insights;
using Leadwise.Learning.Training;
using Leadwise.Reports.Content;

namespace Leadwise.Reports.Tests;

/// <summary>
/// Real report content, built the way a caller would: a planted data set (two informative features, one
/// noise feature with missing values), cross-validated trainers, the chosen one's calibrated out-of-fold
/// probabilities, permutation importance, conversion insights, a crude point score as baseline, and a
/// recommendation evaluation (<see cref="SampleMessageEvaluation"/>).
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
        Content = ModelReportContent.FromTraining("Conversion model report: planted data", GeneratedAt, report, data.FeatureNames, calibrated, Labels, "planted test data") with
        {
            PointScores = [.. data.Rows.Select(r => Math.Round(10 * r[0]) - Math.Round(5 * r[1]))],
            FeatureImportance = [.. new PermutationImportance(seed: 0).Compute(data, report.Chosen).Groups.Select(g => new FeatureImportance(g.Group, g.MeanAucDrop, g.StandardDeviation))],
            Insights = ConversionInsights.ForMatrix(data).Insights,
            Warnings = [.. report.Warnings, "Planted test data: the numbers describe nothing real."],
            MessageEvaluation = SampleMessageEvaluation.Create(),
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
}
