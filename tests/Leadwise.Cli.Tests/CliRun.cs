using Spectre.Console.Testing;

namespace Leadwise.Cli.Tests;

/// <summary>Runs the CLI in-process against a TestConsole, with a fake environment, and keeps what it printed.</summary>
internal sealed class CliRun
{
    private CliRun(int exitCode, string output, string help)
    {
        ExitCode = exitCode;
        Output = output;
        Help = help;
    }

    public int ExitCode { get; }

    /// <summary>Everything written to the console (plain text: the TestConsole is not interactive, so progress is plain lines).</summary>
    public string Output { get; }

    /// <summary>What System.CommandLine wrote (help text).</summary>
    public string Help { get; }

    public static async Task<CliRun> RunAsync(params string[] args) => await RunAsync(new Dictionary<string, string>(), args);

    public static Task<CliRun> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args) =>
        RunAsync(environment, TimeProvider.System, args);

    /// <summary>A run whose clock is <paramref name="time"/> (e.g. fixed, so two runs print the same "generated at").</summary>
    public static Task<CliRun> RunAtAsync(TimeProvider time, params string[] args) =>
        RunAsync(new Dictionary<string, string>(), time, args);

    private static async Task<CliRun> RunAsync(IReadOnlyDictionary<string, string> environment, TimeProvider time, string[] args)
    {
        var console = new TestConsole();
        console.Profile.Width = 400;
        var help = new StringWriter();
        var context = new CliContext(console, name => environment.TryGetValue(name, out var value) ? value : null, time)
        {
            HelpOutput = help,
        };
        var exitCode = await LeadwiseCli.RunAsync(args, context, CancellationToken.None);
        return new CliRun(exitCode, console.Output, help.ToString());
    }
}
