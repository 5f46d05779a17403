using System.CommandLine;
using System.Globalization;
using Spectre.Console;

namespace Leadwise.Cli.Commands;

/// <summary><c>leadwise db …</c>: operator tools for the store itself (schema migration).</summary>
internal static class DbCommand
{
    public static Command Create(CliContext context, GlobalOptions globals)
    {
        var command = new Command("db", "Operate on the store itself: bring its schema up to date");
        command.Subcommands.Add(Migrate(context, globals));
        return command;
    }

    private static Command Migrate(CliContext context, GlobalOptions globals)
    {
        var command = new Command("migrate", "Apply pending schema steps to the store (--db) and show its schema version before and after; safe to repeat");
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var migration = await StoreOpener.MigrateAsync(parseResult.GetValue(globals.Database), context, cancellationToken);
            if (migration.StepsApplied == 0)
            {
                context.Console.MarkupLineInterpolated(CultureInfo.InvariantCulture,
                    $"{migration.Store}: schema version {migration.VersionAfter}, the latest; nothing to apply.");
            }
            else
            {
                context.Console.MarkupLineInterpolated(CultureInfo.InvariantCulture,
                    $"{migration.Store}: schema version {migration.VersionBefore} → {migration.VersionAfter} ([green]{migration.StepsApplied} step(s) applied[/]).");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
