using System.CommandLine;
using Leadwise.Cli.Commands;
using Spectre.Console;

namespace Leadwise.Cli;

/// <summary>Builds the command tree and runs it: parse errors exit 2, user errors print one red line and exit 1.</summary>
public static class LeadwiseCli
{
    internal static RootCommand Build(CliContext context, GlobalOptions globals)
    {
        var root = new RootCommand("Leadwise: lead scoring and outreach optimisation on your own outreach data.");
        root.Options.Add(globals.Verbose);
        root.Options.Add(globals.Database);
        root.Subcommands.Add(QuickstartCommand.Create(context, globals));
        root.Subcommands.Add(GenerateCommand.Create(context));
        root.Subcommands.Add(ImportCommand.Create(context, globals));
        root.Subcommands.Add(ExportCommand.Create(context, globals));
        root.Subcommands.Add(StatusCommand.Create(context, globals));
        root.Subcommands.Add(FileImportCommand.Events(context, globals));
        root.Subcommands.Add(FileImportCommand.Companies(context, globals));
        root.Subcommands.Add(ScoreCommand.Create(context, globals));
        root.Subcommands.Add(ExplainCommand.Create(context, globals));
        root.Subcommands.Add(RulesCommand.Create(context, globals));
        root.Subcommands.Add(TrainCommand.Create(context, globals));
        root.Subcommands.Add(ModelsCommand.Create(context, globals));
        root.Subcommands.Add(DriftCommand.Create(context, globals));
        root.Subcommands.Add(ReportCommand.Create(context, globals));
        root.Subcommands.Add(ServeCommand.Create(context, globals));
        root.Subcommands.Add(ApiKeyCommand.Create(context, globals));
        root.Subcommands.Add(InsightsCommand.Create(context, globals));
        root.Subcommands.Add(RecommendCommand.Create(context, globals));
        root.Subcommands.Add(MessagesCommand.Create(context, globals));
        root.Subcommands.Add(EvaluateCommand.Create(context, globals));
        root.Subcommands.Add(DbCommand.Create(context, globals));
        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var globals = new GlobalOptions();
        var root = Build(context, globals);
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
            ReportError(context, parseResult.GetValue(globals.Verbose), exception, exception.Message);
            return ExitCodes.BadInput;
        }
        catch (Exception exception)
        {
            ReportError(context, parseResult.GetValue(globals.Verbose), exception, $"Unexpected error: {exception.Message}");
            return ExitCodes.BadInput;
        }
    }

    private static bool IsUserError(Exception exception) => exception is UserFacingException
        or Leadwise.Learning.Registry.ModelRegistryException
        or IOException
        or UnauthorizedAccessException
        or InvalidDataException
        or ArgumentException;

    private static void ReportError(CliContext context, bool verbose, Exception exception, string message)
    {
        context.Console.MarkupLineInterpolated($"[red]error:[/] {message}");
        if (verbose)
        {
            context.Console.WriteException(exception);
        }
        else if (exception is not UserFacingException)
        {
            context.Console.MarkupLine("[grey](run with --verbose for details)[/]");
        }
    }
}
