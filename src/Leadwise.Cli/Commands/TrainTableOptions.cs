using System.CommandLine;
using System.Globalization;
using Leadwise.Learning.Training;

namespace Leadwise.Cli.Commands;

/// <summary>
/// The options of <c>leadwise train</c> that train on a user's own table instead of the store (<c>--csv</c> and
/// its companions); they live here so the store path in <see cref="TrainCommand"/> stays as it is.
/// </summary>
internal sealed class TrainTableOptions
{
    private static readonly Dictionary<string, TrainerKind> TrainerNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["lightgbm"] = TrainerKind.LightGbm,
        ["fasttree"] = TrainerKind.FastTree,
        ["logistic"] = TrainerKind.LogisticRegression,
    };

    public Option<string?> Csv { get; } = new("--csv") { Description = "Train on this delimited file (, ; tab or |) instead of the store" };

    public Option<string?> Label { get; } = new("--label") { Description = "With --csv: the column saying whether the row converted" };

    public Option<string?> Positive { get; } = new("--positive") { Description = "With --csv: the label value meaning converted (default: inferred from yes/true/1/won/converted…)" };

    public Option<string[]> Drop { get; } = new("--drop") { Description = "With --csv: a column to leave out (repeat for several)" };

    public Option<bool> AllowLeaky { get; } = new("--allow-leaky") { Description = "With --csv: keep columns the leakage guard flags (they are still reported)" };

    public Option<double> LeakAuc { get; } = new("--leak-auc")
    {
        Description = "With --csv: flag a column as leaky when its own cross-validated AUC is above this",
        DefaultValueFactory = _ => 0.9,
    };

    public Option<string?> TimeColumn { get; } = new("--time-column") { Description = "With --csv: also train on the oldest 80% of rows by this column and test on the newest 20%" };

    public Option<string[]> Trainer { get; } = new("--trainer") { Description = "With --csv: compare only these trainers (lightgbm, fasttree, logistic; repeat for several; default all)" };

    public Option<string?> WriteFolds { get; } = new("--write-folds") { Description = "With --csv: write each labelled row's cross-validation fold to this CSV (row,fold; row 0 is the first data row)" };

    private IEnumerable<Option> TableOnly => [Label, Positive, Drop, AllowLeaky, LeakAuc, TimeColumn, Trainer, WriteFolds];

    /// <summary>Adds the options and their rules to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(Csv);
        foreach (var option in TableOnly)
        {
            command.Options.Add(option);
        }

        Trainer.AcceptOnlyFromAmong([.. TrainerNames.Keys]);
        LeakAuc.Validators.Add(result =>
        {
            if (result.Tokens.Count == 1
                && double.TryParse(result.Tokens[0].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                && value is < 0.5 or > 1)
            {
                result.AddError(string.Create(CultureInfo.InvariantCulture, $"--leak-auc must be between 0.5 and 1, got {value}."));
            }
        });
        command.Validators.Add(result =>
        {
            if (result.GetResult(Csv) is not null && result.GetResult(Label) is null)
            {
                result.AddError("--csv needs --label: the column saying whether the row converted.");
            }
        });
        command.OnlyApplyWith(result => result.GetResult(Csv) is not null, "--csv", [.. TableOnly]);
    }

    /// <summary>The trainers named with <c>--trainer</c>, or null for all.</summary>
    public static IReadOnlyList<TrainerKind>? Trainers(string[]? names) =>
        names is null || names.Length == 0 ? null : [.. names.Select(n => TrainerNames[n]).Distinct()];
}
