using System.Diagnostics;
using System.Globalization;
using Leadwise.Learning.Evaluation;

namespace Leadwise.Learning.Training;

/// <summary>
/// The time split: train on the oldest share of the rows, test on the newest — how a model trained on
/// last quarter's leads does on this quarter's, which shuffled folds cannot show (drift, new campaigns).
/// </summary>
public static class TimeSplit
{
    public const double DefaultTrainShare = 0.8;
    private const int Resamples = 200;

    /// <param name="data">The rows and labels.</param>
    /// <param name="oldestFirst">Indexes of the rows taking part, oldest first.</param>
    /// <param name="trainShare">The share of those rows to train on.</param>
    /// <param name="trainers">Each trainer is fitted on the older rows and measured on the newer ones.</param>
    /// <param name="seed">Seeds the trainers and the bootstrap intervals.</param>
    /// <param name="cancellationToken">Cancels between trainers.</param>
    /// <exception cref="InvalidOperationException">One side of the split holds a single class.</exception>
    public static TimeSplitRun Evaluate(FeatureMatrix data, IReadOnlyList<int> oldestFirst, double trainShare, IReadOnlyList<TrainerKind> trainers, int seed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(oldestFirst);
        ArgumentNullException.ThrowIfNull(trainers);
        var trainCount = (int)Math.Round(oldestFirst.Count * trainShare);
        int[] trainRows = [.. oldestFirst.Take(trainCount)];
        int[] testRows = [.. oldestFirst.Skip(trainCount)];
        bool[] testLabels = [.. testRows.Select(i => data.Labels[i])];
        if (trainRows.Select(i => data.Labels[i]).Distinct().Count() < 2 || testLabels.Distinct().Count() < 2)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"the time split ({trainRows.Length} older, {testRows.Length} newer rows) leaves one side with a single class."));
        }

        var fitted = data.FittedOn(trainRows);
        var results = new List<TrainerResult>();
        foreach (var kind in trainers)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var clock = Stopwatch.StartNew();
            var probabilities = HoldOut.FitAndPredict(fitted, trainRows, testRows, kind, seed);
            var elapsed = clock.Elapsed;
            var intervals = MetricIntervals.Compute(probabilities, testLabels, Resamples, seed);
            results.Add(new TrainerResult(kind, BinaryMetrics.Compute(probabilities, testLabels), intervals.RocAuc.Low, intervals.RocAuc.High)
            {
                Intervals = intervals,
                Elapsed = elapsed,
            });
        }

        return new TimeSplitRun(trainRows, testRows, testLabels.Count(l => l), results);
    }
}

/// <summary>Which rows each side of a time split held, and each trainer's metrics on the newer side.</summary>
public sealed record TimeSplitRun(IReadOnlyList<int> TrainRows, IReadOnlyList<int> TestRows, int TestPositives, IReadOnlyList<TrainerResult> Trainers);
