using System.Globalization;
using Leadwise.Learning.Model;
using Spectre.Console;

namespace Leadwise.Cli.Rendering;

/// <summary>A lead's predicted conversion probability and, in words, what raises and lowers it.</summary>
internal static class ModelExplanationView
{
    public static void Write(IAnsiConsole console, int version, ModelPrediction prediction, IReadOnlyList<ModelFactor> factors, AccountNames accounts)
    {
        console.MarkupLineInterpolated(CultureInfo.InvariantCulture,
            $"Conversion model (version {version}): [bold]{prediction.Probability:P1}[/] probability to convert, model score {prediction.Score}, grade [bold]{prediction.Grade}[/]");
        if (factors.Count == 0)
        {
            console.MarkupLine("[grey]The lead is typical in every feature the model uses.[/]");
            return;
        }

        var table = new Table().Border(TableBorder.Rounded).Title("Model reasons (vs a typical lead)");
        table.AddColumn("Factor");
        table.AddColumn(new TableColumn("Probability").RightAligned());
        table.AddColumn("Compared with the typical lead");
        var contributions = factors.Any(f => f.Contribution is not null);
        if (contributions)
        {
            table.AddColumn(new TableColumn("ML.NET contribution").RightAligned());
        }

        foreach (var factor in factors)
        {
            var points = string.Create(CultureInfo.InvariantCulture, $"{factor.Points:+0.0;-0.0} pts");
            string[] cells =
            [
                Markup.Escape(FeatureWords.Sentence(factor.Feature, factor.Value, accounts)),
                factor.Points >= 0 ? $"[green]{points}[/]" : $"[red]{points}[/]",
                Markup.Escape(FeatureWords.Sentence(factor.Feature, factor.Typical, accounts)),
            ];
            table.AddRow(contributions ? [.. cells, factor.Contribution is { } c ? c.ToString("+0.000;-0.000", CultureInfo.InvariantCulture) : string.Empty] : cells);
        }

        table.Caption("Points: how much the probability changes if this value alone were the typical training value. + raises, − lowers."
            + (contributions ? " ML.NET contribution: the value's share of the model's raw score (its own units, before calibration)." : string.Empty));
        console.Write(table);
    }
}
