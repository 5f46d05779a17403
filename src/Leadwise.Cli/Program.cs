using Leadwise.Cli;
using Spectre.Console;

// Thin host: everything lives in LeadwiseCli so tests can run it against a TestConsole.
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

var context = new CliContext(AnsiConsole.Console, Environment.GetEnvironmentVariable, TimeProvider.System);
return await LeadwiseCli.RunAsync(args, context, cancellation.Token);
