using System.Globalization;
using Leadwise.Core.Outreach;
using Leadwise.Data.Storage;
using Spectre.Console;

namespace Leadwise.Cli.Rendering;

/// <summary>Rows per table and the funnel (sent and replied per step), as status and quickstart print them.</summary>
internal static class StoreSummaryView
{
    private static readonly string[] StepNames = ["Invite", "Follow-up 1", "Follow-up 2", "Follow-up 3", "Follow-up 4", "Follow-up 5", "Follow-up 6"];

    public static Task WriteAsync(IAnsiConsole console, ILeadwiseStore store, CancellationToken cancellationToken) =>
        WriteAsync(console, store, null, cancellationToken);

    /// <summary>
    /// With an <paramref name="account"/>: only its rows (its user, campaigns with their messages, leads and snapshots) and the
    /// funnel of its leads, counted in SQL; the install-wide tables (events, companies, scores) are left out.
    /// </summary>
    public static async Task WriteAsync(IAnsiConsole console, ILeadwiseStore store, UserId? account, CancellationToken cancellationToken)
    {
        var counts = await store.CountAsync(account, cancellationToken).ConfigureAwait(false);
        console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Store: [bold]{store.Description}[/]{(account is { } owner ? $", account [bold]{owner.Value}[/] only" : string.Empty)}");
        var tables = new Table().Border(TableBorder.Rounded);
        tables.AddColumn("Table");
        tables.AddColumn(new TableColumn("Rows").RightAligned());
        foreach (var table in Enum.GetValues<StoreTable>())
        {
            tables.AddRow(table.ToString(), counts[table].ToString("N0", CultureInfo.InvariantCulture));
        }

        if (account is null)
        {
            var scoring = await store.CountScoringDataAsync(cancellationToken).ConfigureAwait(false);
            tables.AddRow("Engagement events", scoring.Events.ToString("N0", CultureInfo.InvariantCulture));
            tables.AddRow("Companies", scoring.Companies.ToString("N0", CultureInfo.InvariantCulture));
            tables.AddRow("Point scores", scoring.Scores.ToString("N0", CultureInfo.InvariantCulture));
        }

        console.Write(tables);
        if (counts.Leads == 0)
        {
            console.MarkupLine("The store holds no leads yet: run [bold]leadwise import <folder>[/] or [bold]leadwise quickstart[/].");
            return;
        }

        var funnel = new OutreachFunnel();
        await foreach (var lead in store.ReadLeadsAsync(account, cancellationToken).ConfigureAwait(false))
        {
            funnel.Add(lead);
        }

        var view = new Table().Border(TableBorder.Rounded).Title("Outreach funnel");
        view.AddColumn("Step");
        view.AddColumn(new TableColumn("Leads sent").RightAligned());
        view.AddColumn(new TableColumn("Replied at step").RightAligned());
        view.AddColumn(new TableColumn("Reply rate").RightAligned());
        for (var step = 0; step <= OutreachSteps.LastFollowUp; step++)
        {
            view.AddRow(
                StepNames[step],
                funnel.Sent(step).ToString("N0", CultureInfo.InvariantCulture),
                funnel.RepliedAt(step).ToString("N0", CultureInfo.InvariantCulture),
                funnel.ReplyRate(step).ToString("P2", CultureInfo.InvariantCulture));
        }

        view.Caption(string.Create(CultureInfo.InvariantCulture,
            $"{funnel.Leads:N0} leads, {funnel.Sent(0):N0} invited ({(double)funnel.Sent(0) / funnel.Leads:P1}), {funnel.Replied:N0} replied ({(funnel.Sent(0) == 0 ? 0 : (double)funnel.Replied / funnel.Sent(0)):P2} of invited)"));
        console.Write(view);
    }
}
