using System.CommandLine;
using System.Globalization;
using Leadwise.Learning.Features;
using Leadwise.Learning.Insights;
using Spectre.Console;

namespace Leadwise.Cli.Commands;

/// <summary>
/// <c>leadwise insights</c>: what converted (replied) leads have in common — reply rate per attribute value of the
/// store's invited leads, as they stood at their invite, against the base rate, strongest evidence first.
/// </summary>
internal static class InsightsCommand
{
    public static Command Create(CliContext context, GlobalOptions globals)
    {
        var top = new Option<int>("--top") { Description = "Values to show on each side (more and less likely to reply)", DefaultValueFactory = _ => 10 }.AtLeast(1);
        var minLeads = new Option<int>("--min-leads")
        {
            Description = "Leave out values held by fewer invited leads than this (their rates are too noisy)",
            DefaultValueFactory = _ => new InsightOptions().MinLeads,
        }.AtLeast(1);
        var command = new Command("insights", "What converted leads have in common: reply rate per attribute value (seniority, country, title words, company, campaign, invite message, engagement before the invite) with 95% intervals and lift, strongest evidence first") { top, minLeads };
        var account = new AccountOption();
        account.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            await using var store = await StoreOpener.OpenExistingAsync(parseResult.GetValue(globals.Database), context, cancellationToken);
            var leads = await StoreLeads.ReadAsync(store, await account.ResolveAsync(parseResult, store, cancellationToken), cancellationToken);
            if (leads.Invited.Count == 0)
            {
                throw new UserFacingException("The store has no invited leads (inviteSentAt set), so there are no outcomes to compare.");
            }

            var options = new InsightOptions { MinLeads = parseResult.GetValue(minLeads) };
            var report = ConversionInsights.ForLeads(leads.Invited, leads.Replied, options);
            Write(context.Console, report, parseResult.GetValue(top), options.MinLeads);
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Write(IAnsiConsole console, InsightReport report, int top, int minLeads)
    {
        console.MarkupLineInterpolated(CultureInfo.InvariantCulture,
            $"[bold]{report.Leads:N0}[/] invited leads, [bold]{report.Converted:N0}[/] replied: base rate [bold]{report.BaseRate:P2}[/].");
        console.Write(Table("What converted leads have in common (more likely to reply)", report.MoreLikely.Take(top)));
        console.Write(Table("Less likely to reply", report.LessLikely.Take(top)));
        console.MarkupLineInterpolated(CultureInfo.InvariantCulture,
            $"[grey]Sorted by evidence: z compares the value's reply rate with all other invited leads'. Values on fewer than {minLeads} leads are left out. Lift = rate / base rate; share = the part of all replies from leads with the value. These are correlations in past outreach, not causes: an attribute can stand in for another it travels with.[/]");
    }

    private static Table Table(string title, IEnumerable<ConversionInsight> insights)
    {
        var table = new Table().Border(TableBorder.Rounded).Title(title);
        table.AddColumn("Attribute");
        table.AddColumn("Value");
        table.AddColumn(new TableColumn("Leads").RightAligned());
        table.AddColumn(new TableColumn("Replied").RightAligned());
        table.AddColumn(new TableColumn("Reply rate (95% CI)").RightAligned());
        table.AddColumn(new TableColumn("Lift").RightAligned());
        table.AddColumn(new TableColumn("Share of replies").RightAligned());
        table.AddColumn(new TableColumn("z").RightAligned());
        foreach (var insight in insights)
        {
            table.AddRow(
                Markup.Escape(insight.Attribute),
                Markup.Escape(insight.Value),
                insight.Leads.ToString("N0", CultureInfo.InvariantCulture),
                insight.Converted.ToString("N0", CultureInfo.InvariantCulture),
                string.Create(CultureInfo.InvariantCulture, $"{insight.Rate:P1} ({insight.Interval.Low:P1}–{insight.Interval.High:P1})"),
                insight.Lift.ToString("F2", CultureInfo.InvariantCulture),
                insight.ShareOfConverted.ToString("P1", CultureInfo.InvariantCulture),
                insight.Z.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture));
        }

        return table;
    }
}
