using System.Globalization;
using Leadwise.Scoring.Reports;
using Spectre.Console;

namespace Leadwise.Cli.Rendering;

/// <summary>How well the points rank leads before contact: AUC and reply rate per grade.</summary>
internal static class RankingEvaluationView
{
    public static void Write(IAnsiConsole console, RankingEvaluation evaluation)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("Ranking before contact (each lead scored as of its invite)");
        table.AddColumn("Grade");
        table.AddColumn(new TableColumn("Invited leads").RightAligned());
        table.AddColumn(new TableColumn("Replied").RightAligned());
        table.AddColumn(new TableColumn("Reply rate").RightAligned());
        foreach (var grade in evaluation.Grades)
        {
            table.AddRow(
                Markup.Escape(grade.Grade),
                grade.Invited.ToString("N0", CultureInfo.InvariantCulture),
                grade.Replied.ToString("N0", CultureInfo.InvariantCulture),
                grade.ReplyRate.ToString("P2", CultureInfo.InvariantCulture));
        }

        var auc = double.IsNaN(evaluation.Auc) ? "n/a" : evaluation.Auc.ToString("F3", CultureInfo.InvariantCulture);
        var leftOut = evaluation.RulesLeftOut.Count == 0 ? "none" : string.Join(", ", evaluation.RulesLeftOut);
        table.Caption(string.Create(CultureInfo.InvariantCulture,
            $"ROC AUC vs replied: {auc} over {evaluation.Leads:N0} invited leads ({evaluation.Converted:N0} replied); rules that read the outcome left out: {leftOut}"));
        console.Write(table);
    }
}
