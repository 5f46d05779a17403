using System.CommandLine;
using System.Globalization;
using Leadwise.Cli.Rendering;
using Leadwise.Data.Postgres;
using Leadwise.Data.Storage;
using Leadwise.Data.Transfer;
using Spectre.Console;

namespace Leadwise.Cli.Commands;

/// <summary><c>leadwise db …</c>: operator tools for the store itself: schema migration, copying a store to another backend, verifying two stores hold the same.</summary>
internal static class DbCommand
{
    public static Command Create(CliContext context, GlobalOptions globals)
    {
        var command = new Command("db", "Operate on the store itself: bring its schema up to date, copy it to another store, compare two stores");
        command.Subcommands.Add(Migrate(context, globals));
        command.Subcommands.Add(Copy(context));
        command.Subcommands.Add(Verify(context));
        return command;
    }

    private static Command Copy(CliContext context)
    {
        var from = new Option<string>("--from") { Description = "The store to copy: a SQLite file or a PostgreSQL connection string", Required = true };
        var to = new Option<string>("--to") { Description = "The store to copy into (a SQLite file is created if missing); must be empty unless --replace", Required = true };
        var replace = new Option<bool>("--replace") { Description = "Replace whatever the target holds (in the same transaction as the copy)" };
        var command = new Command("copy", "Copy every table of one store into another (SQLite ↔ PostgreSQL), all or nothing, then compare row counts and checksums per table")
        {
            from, to, replace,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var (fromLocation, toLocation) = (parseResult.GetRequiredValue(from), parseResult.GetRequiredValue(to));
            if (StoreFactory.IsSameStore(fromLocation, toLocation))
            {
                throw new UserFacingException($"--from and --to name the same store ({StoreOpener.Display(fromLocation)}).");
            }

            await using var source = await OpenExistingAsync(fromLocation, "--from", cancellationToken);
            var newFile = !StoreLocation.IsPostgres(toLocation) && !File.Exists(toLocation);
            var target = await StoreFactory.OpenAsync(toLocation, mustExist: false, cancellationToken);
            await using (target)
            {
                if (!parseResult.GetValue(replace) && !await StoreCopier.IsEmptyAsync(target, cancellationToken))
                {
                    throw new UserFacingException($"{target.Description} is not empty; nothing was copied. Pass --replace to replace its contents, or copy into an empty store.");
                }

                context.Console.MarkupLineInterpolated($"Copying [bold]{source.Description}[/] → [bold]{target.Description}[/]");
                IReadOnlyList<CopiedTable> copied;
                try
                {
                    copied = await ProgressDisplay.RunAsync(context.Console, progress =>
                        new StoreCopier(source, target).CopyAsync(parseResult.GetValue(replace), progress, cancellationToken));
                }
                catch when (newFile)
                {
                    // The copy rolled back; an empty file nobody asked for should not stay behind either.
                    await target.DisposeAsync();
                    DeleteSqliteFiles(toLocation);
                    throw;
                }

                context.Console.MarkupLineInterpolated(CultureInfo.InvariantCulture,
                    $"[green]Copied[/] {copied.Sum(table => table.Rows):N0} rows in {copied.Count} tables. Comparing both stores:");
                return await CompareAsync(context, source, target, cancellationToken);
            }
        });
        return command;
    }

    private static Command Verify(CliContext context)
    {
        var from = new Option<string>("--from", "--a") { Description = "One store: a SQLite file or a PostgreSQL connection string", Required = true };
        var to = new Option<string>("--to", "--b") { Description = "The other store", Required = true };
        var command = new Command("verify", "Compare two stores table by table (row counts and SHA-256 of the rows); exit 1 when any table differs") { from, to };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            await using var first = await OpenExistingAsync(parseResult.GetRequiredValue(from), "--from", cancellationToken);
            await using var second = await OpenExistingAsync(parseResult.GetRequiredValue(to), "--to", cancellationToken);
            return await CompareAsync(context, first, second, cancellationToken);
        });
        return command;
    }

    private static async Task<int> CompareAsync(CliContext context, ILeadwiseStore from, ILeadwiseStore to, CancellationToken cancellationToken)
    {
        var comparison = await ProgressDisplay.RunAsync(context.Console, progress => StoreChecksums.CompareAsync(from, to, progress, cancellationToken));
        return StoreComparisonView.Write(context.Console, from.Description, to.Description, comparison) ? ExitCodes.Success : ExitCodes.BadInput;
    }

    private static async Task<ILeadwiseStore> OpenExistingAsync(string location, string option, CancellationToken cancellationToken)
    {
        try
        {
            return await StoreFactory.OpenAsync(location, mustExist: true, cancellationToken);
        }
        catch (FileNotFoundException)
        {
            throw new UserFacingException($"{option}: there is no store at {Path.GetFullPath(location)}.");
        }
    }

    private static void DeleteSqliteFiles(string path)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
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
