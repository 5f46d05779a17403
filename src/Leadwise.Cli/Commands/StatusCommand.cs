using System.CommandLine;
using Leadwise.Cli.Rendering;

namespace Leadwise.Cli.Commands;

/// <summary><c>leadwise status</c>: what the store holds, and the outreach funnel of its leads.</summary>
internal static class StatusCommand
{
    public static Command Create(CliContext context, GlobalOptions globals)
    {
        var account = new AccountOption();
        var command = new Command("status", "Show what the store holds: rows per table and the outreach funnel per step");
        account.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            await using var store = await StoreOpener.OpenExistingAsync(parseResult.GetValue(globals.Database), context, cancellationToken);
            await StoreSummaryView.WriteAsync(context.Console, store, await account.ResolveAsync(parseResult, store, cancellationToken), cancellationToken);
            return ExitCodes.Success;
        });
        return command;
    }
}
