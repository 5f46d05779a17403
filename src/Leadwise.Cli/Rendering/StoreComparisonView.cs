using System.Globalization;
using Leadwise.Data.Transfer;
using Spectre.Console;

namespace Leadwise.Cli.Rendering;

/// <summary>Rows and SHA-256 per table on two stores (<c>db copy</c>, <c>db verify</c>), and a verdict line.</summary>
internal static class StoreComparisonView
{
    /// <summary>Writes the comparison and returns whether every table matched.</summary>
    public static bool Write(IAnsiConsole console, string from, string to, IReadOnlyList<TableComparison> tables)
    {
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn("Table");
        table.AddColumn(new TableColumn("Rows (from)").RightAligned());
        table.AddColumn(new TableColumn("Rows (to)").RightAligned());
        table.AddColumn("SHA-256");
        table.AddColumn("Result");
        foreach (var row in tables)
        {
            var checksum = row.Matches
                ? Markup.Escape(row.From.Sha256)
                : $"from {Markup.Escape(row.From.Sha256)}\nto   {Markup.Escape(row.To.Sha256)}";
            table.AddRow(
                Markup.Escape(row.Table),
                row.From.Rows.ToString("N0", CultureInfo.InvariantCulture),
                row.To.Rows.ToString("N0", CultureInfo.InvariantCulture),
                checksum,
                row.Matches ? "[green]same[/]" : "[red]DIFFERENT[/]");
        }

        console.Write(table);
        var different = tables.Where(row => !row.Matches).Select(row => row.Table).ToList();
        if (different.Count == 0)
        {
            console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[green]Verified:[/] all {tables.Count} tables hold the same rows in {from} and {to}.");
            return true;
        }

        console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]Mismatch:[/] {string.Join(", ", different)} differ between {from} and {to}.");
        return false;
    }
}
