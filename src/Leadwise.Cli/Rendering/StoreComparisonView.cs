using System.Globalization;
using Leadwise.Data.Transfer;
using Spectre.Console;

namespace Leadwise.Cli.Rendering;

/// <summary>
/// Rows per table on two stores (<c>db copy</c>, <c>db verify</c>) with a verdict, then each table's SHA-256
/// in <c>sha256sum</c>'s layout (<c>&lt;hex&gt;  &lt;table&gt;</c>), written past Spectre so a 64-character
/// checksum is never wrapped on a narrow terminal or in a redirected log.
/// </summary>
internal static class StoreComparisonView
{
    /// <summary>Writes the comparison and returns whether every table matched.</summary>
    public static bool Write(IAnsiConsole console, string from, string to, IReadOnlyList<TableComparison> tables)
    {
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn("Table");
        table.AddColumn(new TableColumn("Rows (from)").RightAligned());
        table.AddColumn(new TableColumn("Rows (to)").RightAligned());
        table.AddColumn("Result");
        foreach (var row in tables)
        {
            table.AddRow(
                Markup.Escape(row.Table),
                row.From.Rows.ToString("N0", CultureInfo.InvariantCulture),
                row.To.Rows.ToString("N0", CultureInfo.InvariantCulture),
                row.Matches ? "[green]same[/]" : "[red]DIFFERENT[/]");
        }

        console.Write(table);
        console.WriteLine("SHA-256 of each table's rows (canonical text, in key order):");
        var writer = console.Profile.Out.Writer;
        foreach (var row in tables)
        {
            if (row.Matches)
            {
                writer.WriteLine($"{row.From.Sha256}  {row.Table}");
            }
            else
            {
                writer.WriteLine($"{row.From.Sha256}  {row.Table} (from)");
                writer.WriteLine($"{row.To.Sha256}  {row.Table} (to)");
            }
        }

        writer.Flush();
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
