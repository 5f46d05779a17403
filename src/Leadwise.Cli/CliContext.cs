using Spectre.Console;

namespace Leadwise.Cli;

/// <summary>What a command needs from its surroundings; tests pass a TestConsole and a fake environment.</summary>
public sealed record CliContext(IAnsiConsole Console, Func<string, string?> Environment, TimeProvider Time)
{
    /// <summary>Where help and parse errors go (System.CommandLine writes them as plain text).</summary>
    public TextWriter HelpOutput { get; init; } = System.Console.Out;
}
