using System.Globalization;
using Spectre.Console;

namespace Leadwise.Cli.Rendering;

/// <summary>The model grades and the uncontacted leads most likely to convert.</summary>
internal static class ModelScoreSummaryView
{
    public static void Write(IAnsiConsole console, ModelScoreSummary summary)
    {
        if (summary.Top.Count > 0)
        {
            var table = new Table().Border(TableBorder.Rounded)
                .Title(string.Create(CultureInfo.InvariantCulture, $"Not yet invited, most likely to convert (model version {summary.Version})"));
            table.AddColumn(new TableColumn("Lead").RightAligned());
            table.AddColumn("Name");
            table.AddColumn("Title");
            table.AddColumn("Company");
            table.AddColumn(new TableColumn("Probability").RightAligned());
            table.AddColumn("Grade");
            foreach (var (lead, score) in summary.Top)
            {
                table.AddRow(
                    lead.Id.ToString(),
                    Markup.Escape(lead.Name ?? string.Empty),
                    Markup.Escape(lead.Title ?? string.Empty),
                    Markup.Escape(lead.CompanyName ?? string.Empty),
                    score.Probability.ToString("P1", CultureInfo.InvariantCulture),
                    score.Grade);
            }

            console.Write(table);
        }

        var bands = summary.Bands;
        console.MarkupLineInterpolated(CultureInfo.InvariantCulture,
            $"Model grades of {summary.Leads:N0} leads: {string.Join(", ", summary.Grades.Select(g => $"{g.Key} {g.Value:N0}"))} (A ≥ {bands.A:P1}, B ≥ {bands.B:P1}, C ≥ {bands.C:P1})");
    }
}
