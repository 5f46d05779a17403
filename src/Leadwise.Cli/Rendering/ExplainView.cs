using System.Globalization;
using Leadwise.Core.Scoring;
using Spectre.Console;

namespace Leadwise.Cli.Rendering;

/// <summary>A lead's score taken apart: who the lead is, each rule that fired by model, subtotals, total and grade.</summary>
internal static class ExplainView
{
    public static void Write(IAnsiConsole console, LeadFacts facts, LeadScore score)
    {
        var lead = facts.Lead;
        console.MarkupLineInterpolated(CultureInfo.InvariantCulture,
            $"Lead [bold]{lead.Id}[/]: {lead.Name ?? "(no name)"}, {lead.Title ?? "(no title)"} at {lead.CompanyName ?? "(no company)"}, {lead.Location ?? lead.Country ?? "(no location)"}");
        console.MarkupLineInterpolated(CultureInfo.InvariantCulture,
            $"Campaign {lead.CampaignId} ({facts.Campaign?.Name ?? "unknown"}), {facts.Events.Count} engagement event(s), company profile: {facts.Company?.Name ?? "none"}; as of {score.AsOf:yyyy-MM-dd HH:mm} UTC");

        // One section per model: its subtotal on a bold row, then the rules that fired in it.
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn("Model / rule");
        table.AddColumn("Why");
        table.AddColumn(new TableColumn("Points").RightAligned());
        table.AddColumn(new TableColumn("Raw").RightAligned());
        foreach (var model in Enum.GetValues<ScoringModel>())
        {
            var hits = score.Hits.Where(hit => hit.Model == model).ToList();
            table.AddRow(
                new Markup($"[bold]{model}[/]"),
                new Markup(hits.Count == 0 ? "[grey]no rule fired[/]" : string.Empty),
                new Markup($"[bold]{Markup.Escape(Signed(score.Subtotals.GetValueOrDefault(model)))}[/]"),
                new Markup(string.Empty));
            foreach (var hit in hits)
            {
                table.AddRow(
                    "  " + Markup.Escape(hit.RuleId),
                    Markup.Escape(hit.Reason),
                    Signed(hit.Points),
                    hit.RawPoints.Equals(hit.Points) ? string.Empty : Signed(hit.RawPoints));
            }
        }

        table.Caption(string.Create(CultureInfo.InvariantCulture, $"Total {score.Total:0.#} points, grade {score.Grade}. Raw: points before event decay and caps."));
        console.Write(table);
    }

    private static string Signed(double points) => points.ToString("+0.#;-0.#;0", CultureInfo.InvariantCulture);
}
