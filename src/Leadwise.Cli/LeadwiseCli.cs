using System.CommandLine;
using Leadwise.Cli.Commands;
using Spectre.Console;

namespace Leadwise.Cli;

/// <summary>Builds the command tree and runs it: parse errors exit 2, user errors print one red line and exit 1.</summary>
public static class LeadwiseCli
{
    public static readonly Option<bool> Verbose = new("--verbose", "-v")
    {
        Description = "Show stack traces and extra detail when something fails",
        Recursive = true,
    };

    public static readonly Option<string?> Database = new("--db")
    {
        Description = $"The store: a SQLite file (default: ${Data.Storage.StoreLocation.EnvironmentVariable}, else {Data.Storage.StoreLocation.DefaultFile} in the working directory)",
        Recursive = true,
    };

    public static RootCommand Build(CliContext context)
    {
        var root = new RootCommand("Leadwise: lead scoring and outreach optimisation on your own outreach data.");
        root.Options.Add(Verbose);
        root.Options.Add(Database);
        root.Subcommands.Add(ImportCommand.Create(context));
        root.Subcommands.Add(ExportCommand.Create(context));
        root.Subcommands.Add(StatusCommand.Create(context));
        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var root = Build(context);
        var parseResult = root.Parse(args);
        var configuration = new InvocationConfiguration
        {
            Output = context.HelpOutput,
            Error = context.HelpOutput,
            EnableDefaultExceptionHandler = false,
        };

        if (parseResult.Errors.Count > 0)
        {
            foreach (var error in parseResult.Errors)
            {
                context.Console.MarkupLineInterpolated($"[red]{error.Message}[/]");
            }

            context.Console.MarkupLine("Run [bold]leadwise --help[/] (or [bold]leadwise <command> --help[/]) for usage.");
            return ExitCodes.Usage;
        }

        try
        {
            return await parseResult.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            context.Console.MarkupLine("[yellow]Cancelled; nothing half-written was kept.[/]");
            return ExitCodes.BadInput;
        }
        catch (Exception exception) when (IsUserError(exception))
        {
            ReportError(context, parseResult, exception, exception.Message);
            return ExitCodes.BadInput;
        }
        catch (Exception exception)
        {
            ReportError(context, parseResult, exception, $"Unexpected error: {exception.Message}");
            return ExitCodes.BadInput;
        }
    }

    private static bool IsUserError(Exception exception) => exception is UserFacingException
        or IOException
        or UnauthorizedAccessException
        or InvalidDataException
        or ArgumentException;

    private static void ReportError(CliContext context, ParseResult parseResult, Exception exception, string message)
    {
        context.Console.MarkupLineInterpolated($"[red]error:[/] {message}");
        if (parseResult.GetValue(Verbose))
        {
            context.Console.WriteException(exception);
        }
        else if (exception is not UserFacingException)
        {
            context.Console.MarkupLine("[grey](run with --verbose for details)[/]");
        }
    }
}
