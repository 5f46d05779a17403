namespace Leadwise.Learning.Tables;

/// <summary>
/// Looks for columns that leak the outcome: each column alone is scored by stratified k-fold
/// cross-validation (numbers by their own value, categories by their training-fold target rate) and
/// its name is checked for words such as <c>status</c> or <c>duration</c> that mark data recorded after
/// the outcome. Deterministic for a given <see cref="LeakageOptions.Seed"/>.
/// </summary>
public static class LeakageGuard
{
    private static readonly string[] TruthyValues = ["yes", "true", "t", "1", "y"];

    /// <summary>Checks every column of <paramref name="table"/> except <paramref name="label"/>, in file order.</summary>
    /// <param name="table">The table.</param>
    /// <param name="label">The label column.</param>
    /// <param name="positive">
    /// The label value meaning "converted" (case-insensitive); when null the label must be boolean-like
    /// (yes/no, true/false, …) and the truthy value is positive.
    /// </param>
    /// <param name="options">Threshold, folds, seed and words; defaults when null.</param>
    /// <exception cref="ArgumentException">The positive value cannot be inferred, or the label has only one class.</exception>
    public static IReadOnlyList<LeakageFinding> Check(DelimitedTable table, string label, string? positive = null, LeakageOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(label);
        options ??= new LeakageOptions();
        return Check(table, ColumnRoleInference.Profile(table, label, options.Roles), label, positive, options);
    }

    /// <summary>As the other overload, reusing <paramref name="profiles"/> from <see cref="ColumnRoleInference.Profile"/> (one per column, in order).</summary>
    public static IReadOnlyList<LeakageFinding> Check(
        DelimitedTable table, IReadOnlyList<ColumnProfile> profiles, string label, string? positive = null, LeakageOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(label);
        options ??= new LeakageOptions();
        if (options.Folds < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Folds, "At least two folds are needed.");
        }

        if (profiles.Count != table.ColumnCount || profiles.Where((p, i) => !string.Equals(p.Name, table.Names[i], StringComparison.Ordinal)).Any())
        {
            throw new ArgumentException("Profiles must be the table's, one per column in order.", nameof(profiles));
        }

        var (rows, labels) = Labels(table, label, positive, options.Roles);
        var folds = StratifiedFolds(labels, options.Folds, options.Seed);

        var findings = new LeakageFinding?[table.ColumnCount];
        Parallel.For(0, table.ColumnCount, i =>
        {
            var profile = profiles[i];
            if (profile.IsLabel)
            {
                return;
            }

            var auc = profile.Role switch
            {
                ColumnRole.Identifier or ColumnRole.Constant => double.NaN,
                ColumnRole.Numeric or ColumnRole.Date => SingleColumnScorer.NumericAuc(table.Column(i), rows, labels, folds, options),
                _ => SingleColumnScorer.CategoricalAuc(table.Column(i), rows, labels, folds, options),
            };
            var word = ColumnNameWords.FindSuspicious(profile.Name, options.SuspiciousWords);
            var leaky = auc > options.AucThreshold || word is not null;
            findings[i] = new LeakageFinding(profile.Name, profile.Role, auc, word, leaky ? LeakageVerdict.Leaky : LeakageVerdict.Clean);
        });

        return [.. findings.OfType<LeakageFinding>()];
    }

    /// <summary>The rows whose label is present, and whether each is positive.</summary>
    private static (int[] Rows, bool[] Labels) Labels(DelimitedTable table, string label, string? positive, ColumnRoleOptions roles)
    {
        var cells = table.Column(label);
        var present = Enumerable.Range(0, cells.Count).Where(r => !roles.IsMissing(cells[r])).ToArray();
        var values = present.Select(r => cells[r].Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        positive ??= values.Count == 2 ? values.FirstOrDefault(v => TruthyValues.Contains(v, StringComparer.OrdinalIgnoreCase)) : null;
        if (positive is null)
        {
            throw new ArgumentException(
                $"{table.Source}: cannot tell which value of label \"{label}\" is positive among {string.Join(", ", values.Take(10))}; name it.",
                nameof(positive));
        }

        var labels = present.Select(r => string.Equals(cells[r].Trim(), positive.Trim(), StringComparison.OrdinalIgnoreCase)).ToArray();
        var positives = labels.Count(l => l);
        if (positives == 0 || positives == labels.Length)
        {
            throw new ArgumentException(
                $"{table.Source}: label \"{label}\" has {positives} of {labels.Length} rows equal to \"{positive}\"; both classes are needed.",
                nameof(positive));
        }

        return (present, labels);
    }

    /// <summary>Assigns each labelled row a fold, shuffling positives and negatives separately so each fold keeps the base rate.</summary>
    internal static int[] StratifiedFolds(bool[] labels, int folds, int seed)
    {
        var random = new Random(seed);
        var assignment = new int[labels.Length];
        foreach (var cls in new[] { true, false })
        {
            var members = Enumerable.Range(0, labels.Length).Where(i => labels[i] == cls).ToArray();
            random.Shuffle(members);
            for (var k = 0; k < members.Length; k++)
            {
                assignment[members[k]] = k % folds;
            }
        }

        return assignment;
    }
}
