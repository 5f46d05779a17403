using System.Diagnostics;
using System.Globalization;
using Leadwise.Learning.Evaluation;
using Leadwise.Learning.Training;

namespace Leadwise.Learning.Tables;

/// <summary>
/// Trains on a user's own table: resolves the label, infers column roles, runs the leakage guard, builds
/// features without the leaky columns (unless allowed), cross-validates every trainer on the same seeded
/// stratified folds, re-runs the chosen trainer with the leaky columns' fate reversed so the inflation is
/// visible, and optionally evaluates a time split (oldest rows → newest rows).
/// </summary>
public sealed class TableTraining(TableTrainingOptions options)
{
    private const int Resamples = 200;

    /// <exception cref="TableDataException">The table cannot be trained on as asked; the message says why.</exception>
    /// <exception cref="NotEnoughDataException">Too few rows of a class.</exception>
    public TableTrainingReport Run(DelimitedTable table, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        var roles = options.Features.Roles;
        var label = TableLabel.Resolve(table, options.Label, options.Positive, roles);
        var excluded = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var drop in options.Drop)
        {
            if (!table.Contains(drop))
            {
                throw new TableDataException(table.Source, null, $"cannot drop \"{drop}\": no such column; columns are {string.Join(", ", table.Names)}.");
            }

            if (string.Equals(drop, label.Column, StringComparison.Ordinal))
            {
                throw new TableDataException(table.Source, drop, "the label column cannot be dropped.");
            }

            excluded[drop] = "dropped as asked (--drop)";
        }

        if (options.TimeColumn is { } timeColumn)
        {
            if (!table.Contains(timeColumn))
            {
                throw new TableDataException(table.Source, null, $"no time column \"{timeColumn}\"; columns are {string.Join(", ", table.Names)}.");
            }

            excluded.TryAdd(timeColumn, "time column (orders the time split)");
        }

        var profiles = ColumnRoleInference.Profile(table, label.Column, roles);
        cancellationToken.ThrowIfCancellationRequested();
        var leakage = LeakageGuard.Check(table, profiles, label.Column, label.Positive, new LeakageOptions
        {
            AucThreshold = options.LeakAuc,
            Folds = options.Folds,
            Seed = options.Seed,
            Roles = roles,
        }).Where(f => !excluded.ContainsKey(f.Column)).ToList();
        var leaky = leakage.Where(f => f.Verdict == LeakageVerdict.Leaky && IsFeatureRole(f.Role)).ToList();

        var withoutLeaky = new Dictionary<string, string>(excluded, StringComparer.Ordinal);
        foreach (var finding in leaky)
        {
            withoutLeaky[finding.Column] = "leaky: " + LeakReason(finding, options.LeakAuc);
        }

        var chosenExclusions = options.AllowLeaky ? excluded : withoutLeaky;
        var features = TableFeatureBuilder.Build(table, profiles, label, chosenExclusions, options.Features);
        var trainer = new ConversionTrainer(options.Folds, options.Seed);
        var training = trainer.Evaluate(features.Data, options.Trainers, cancellationToken);

        TrainerResult? other = null;
        if (leaky.Count > 0)
        {
            var otherFeatures = TableFeatureBuilder.Build(table, profiles, label, options.AllowLeaky ? withoutLeaky : excluded, options.Features);
            other = CrossValidate(otherFeatures.Data, training.Chosen, cancellationToken);
        }

        var timeSplit = options.TimeColumn is { } column
            ? TimeSplit(table, column, label, features.Data, options.Trainers ?? Enum.GetValues<TrainerKind>(), cancellationToken)
            : null;
        return new TableTrainingReport(
            table.Source,
            label,
            features.Columns,
            leakage,
            [.. leaky.Select(f => f.Column)],
            !options.AllowLeaky,
            training,
            other,
            timeSplit,
            StratifiedFolds.Assign([.. label.Labels], options.Folds, options.Seed),
            [.. features.Warnings, .. training.Warnings]);
    }

    /// <summary>Roles <see cref="TableFeatureBuilder"/> turns into features; a flagged identifier or text column is dropped anyway.</summary>
    private static bool IsFeatureRole(ColumnRole role) => role is ColumnRole.Numeric or ColumnRole.Boolean or ColumnRole.Categorical;

    /// <summary>Why a column was flagged, in words.</summary>
    public static string LeakReason(LeakageFinding finding, double threshold)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var reasons = new List<string>();
        if (finding.Auc > threshold)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"alone it reaches AUC {finding.Auc:F3} (> {threshold:F2})"));
        }

        if (finding.SuspiciousWord is { } word)
        {
            reasons.Add($"its name (\"{word}\") marks data recorded after the outcome");
        }

        return string.Join("; ", reasons);
    }

    private TrainerResult CrossValidate(FeatureMatrix data, TrainerKind kind, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var run = new CrossValidation(options.Folds, options.Seed).Run(data, kind, cancellationToken);
        var elapsed = clock.Elapsed;
        var intervals = MetricIntervals.Compute([.. run.OutOfFold], [.. run.Labels], Resamples, options.Seed);
        return new TrainerResult(kind, run.Metrics, intervals.RocAuc.Low, intervals.RocAuc.High) { Intervals = intervals, Elapsed = elapsed };
    }

    /// <summary>
    /// Orders labelled rows by the time column (numbers, or ISO dates as instants; ties keep file order), trains on the
    /// oldest share and tests on the rest. Rows without a readable time take part in neither.
    /// </summary>
    private TimeSplitResult TimeSplit(
        DelimitedTable table, string column, TableLabel label, FeatureMatrix data, IReadOnlyList<TrainerKind> trainers, CancellationToken cancellationToken)
    {
        var cells = table.Column(column);
        var timed = new List<(int Row, double Time)>();
        for (var i = 0; i < label.Rows.Count; i++)
        {
            var cell = cells[label.Rows[i]];
            if (options.Features.Roles.IsMissing(cell))
            {
                continue;
            }

            if (ColumnRoleInference.TryParseNumber(cell, out var number))
            {
                timed.Add((i, number));
            }
            else if (DateTimeOffset.TryParse(cell.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
            {
                timed.Add((i, instant.UtcTicks));
            }
        }

        var ordered = timed.OrderBy(t => t.Time).ThenBy(t => t.Row).Select(t => t.Row).ToArray();
        TimeSplitRun run;
        try
        {
            run = Training.TimeSplit.Evaluate(data, ordered, options.TimeSplitTrainShare, trainers, options.Seed, cancellationToken);
        }
        catch (InvalidOperationException exception)
        {
            throw new TableDataException(table.Source, column, exception.Message);
        }

        return new TimeSplitResult(
            column,
            run.TrainRows.Count,
            run.TestRows.Count,
            cells[label.Rows[run.TestRows[0]]].Trim(),
            run.TestPositives,
            label.Rows.Count - ordered.Length,
            run.Trainers);
    }
}
