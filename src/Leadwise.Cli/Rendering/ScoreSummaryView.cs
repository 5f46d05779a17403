using System.Globalization;
using Leadwise.Core.Scoring;
using Spectre.Console;

namespace Leadwise.Cli.Rendering;

/// <summary>The best leads with their subtotals per model, the grade distribution with reply rates, and the ranking quality.</summary>
internal static class ScoreSummaryView
{
    public static void Write(IAnsiConsole console, ScoreSummary summary, DateTimeOffset asOf)
    {
        if (summary.Top.Count > 0)
        {
            var top = new Table().Border(TableBorder.Rounded).Title("Best leads");
            top.AddColumn(new TableColumn("Lead").RightAligned());
            top.AddColumn("Name");
            top.AddColumn("Title");
            top.AddColumn("Company");
            top.AddColumn(new TableColumn("Score").RightAligned());
            top.AddColumn("Grade");
            foreach (var model in Enum.GetValues<ScoringModel>())
            {
                top.AddColumn(new TableColumn(ShortNames[model]).RightAligned());
            }

            foreach (var (lead, score) in summary.Top)
            {
                var cells = new List<string>
                {
                    lead.Id.ToString(),
                    Markup.Escape(Shorten(lead.Name)),
                    Markup.Escape(Shorten(lead.Title)),
                    Markup.Escape(Shorten(lead.CompanyName)),
                    Points(score.Total),
                    score.Grade,
                };
                cells.AddRange(Enum.GetValues<ScoringModel>().Select(model => Points(score.Subtotals.GetValueOrDefault(model))));
                top.AddRow([.. cells]);
            }

            top.Caption("Subtotals: Demo(graphics), Firm(ographics), Web(site), Mail, Social, Spam");
            console.Write(top);
        }

        var grades = new Table().Border(TableBorder.Rounded).Title("Grades");
        grades.AddColumn("Grade");
        grades.AddColumn(new TableColumn("Leads").RightAligned());
        grades.AddColumn(new TableColumn("Share").RightAligned());
        grades.AddColumn(new TableColumn("Invited").RightAligned());
        grades.AddColumn(new TableColumn("Replied").RightAligned());
        grades.AddColumn(new TableColumn("Reply rate").RightAligned());
        foreach (var tally in summary.Grades)
        {
            grades.AddRow(
                Markup.Escape(tally.Grade),
                tally.Leads.ToString("N0", CultureInfo.InvariantCulture),
                ((double)tally.Leads / Math.Max(1, summary.Leads)).ToString("P1", CultureInfo.InvariantCulture),
                tally.Invited.ToString("N0", CultureInfo.InvariantCulture),
                tally.Replied.ToString("N0", CultureInfo.InvariantCulture),
                tally.ReplyRate.ToString("P2", CultureInfo.InvariantCulture));
        }

        var auc = summary.ReplyAuc();
        grades.Caption(string.Create(CultureInfo.InvariantCulture,
            $"{summary.Leads:N0} leads scored as of {asOf:yyyy-MM-dd HH:mm} UTC. ROC AUC of these points vs replied: {(double.IsNaN(auc) ? "n/a" : auc.ToString("F3", CultureInfo.InvariantCulture))}, flattered by rules that read the reply itself; 'leadwise rules check' ranks before contact"));
        console.Write(grades);
    }

    private static readonly Dictionary<ScoringModel, string> ShortNames = new()
    {
        [ScoringModel.Demographics] = "Demo",
        [ScoringModel.Firmographics] = "Firm",
        [ScoringModel.Website] = "Web",
        [ScoringModel.Email] = "Mail",
        [ScoringModel.Social] = "Social",
        [ScoringModel.Spam] = "Spam",
    };

    private static string Shorten(string? text) =>
        text is null ? string.Empty : text.Length <= 18 ? text : string.Concat(text.AsSpan(0, 17), "…");

    private static string Points(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
