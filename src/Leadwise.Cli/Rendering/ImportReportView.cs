using System.Globalization;
using Leadwise.Data.Import;
using Spectre.Console;

namespace Leadwise.Cli.Rendering;

/// <summary>The import's summary: warnings, errors (each file:line:column: reason), and a table of rows per file.</summary>
internal static class ImportReportView
{
    public static void Write(IAnsiConsole console, ImportReport report, ImportOptions options)
    {
        foreach (var warning in report.Warnings)
        {
            console.MarkupLineInterpolated($"[yellow]warning:[/] {warning}");
        }

        foreach (var error in report.Errors)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {error}");
        }

        if (report.ErrorsTruncated)
        {
            console.MarkupLineInterpolated($"[red]… {report.ErrorCount - report.Errors.Count:N0} more error(s) not listed (--max-errors {options.MaxErrors}).[/]");
        }

        var table = new Table().Border(TableBorder.Rounded).Title("Import summary");
        table.AddColumn("File");
        table.AddColumn(new TableColumn("Rows read").RightAligned());
        table.AddColumn(new TableColumn("Imported").RightAligned());
        table.AddColumn(new TableColumn("Rejected").RightAligned());
        var showPresent = report.Tables.Any(counts => counts.RowsAlreadyPresent > 0);
        if (showPresent)
        {
            table.AddColumn(new TableColumn("Already present").RightAligned());
        }

        foreach (var counts in report.Tables)
        {
            var cells = new List<string>
            {
                Markup.Escape(counts.FileName),
                counts.RowsRead.ToString("N0", CultureInfo.InvariantCulture),
                counts.RowsImported.ToString("N0", CultureInfo.InvariantCulture),
                counts.RowsRejected.ToString("N0", CultureInfo.InvariantCulture),
            };
            if (showPresent)
            {
                cells.Add(counts.RowsAlreadyPresent.ToString("N0", CultureInfo.InvariantCulture));
            }

            table.AddRow([.. cells]);
        }

        table.Caption(string.Create(CultureInfo.InvariantCulture,
            $"{report.Warnings.Count} warning(s), {report.ErrorCount} error(s), {report.Elapsed.TotalSeconds:F1} s"));
        console.Write(table);

        if (report.Committed)
        {
            console.MarkupLine(report.ErrorCount == 0
                ? "[green]Import committed.[/]"
                : "[yellow]Import committed without the rejected rows (--skip-bad-rows).[/]");
        }
        else
        {
            console.MarkupLine("[red]Nothing was imported: the store is unchanged.[/] Fix the errors above, or use --skip-bad-rows to import the good rows.");
        }

        if (report.ErrorCount > 0 && options.RejectsPath is { } rejects && report.Errors.Count > 0)
        {
            console.MarkupLineInterpolated($"Errors written to [bold]{rejects}[/]");
        }
    }
}
