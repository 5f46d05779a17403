using System.CommandLine;
using System.Globalization;

namespace Leadwise.Cli;

/// <summary>Validation shared by options. Validators also run when the text is not a number at all, so they read the token, not the value.</summary>
internal static class OptionRules
{
    public static Option<int> AtLeast(this Option<int> option, int minimum)
    {
        option.Validators.Add(result =>
        {
            if (result.Tokens.Count == 1
                && int.TryParse(result.Tokens[0].Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
                && value < minimum)
            {
                result.AddError(string.Create(CultureInfo.InvariantCulture, $"{option.Name} must be at least {minimum}, got {value}."));
            }
        });
        return option;
    }

    /// <summary>A finite number, and not below <paramref name="minimum"/> when one is given.</summary>
    public static Option<double> Finite(this Option<double> option, double? minimum = null)
    {
        option.Validators.Add(result =>
        {
            if (result.Tokens.Count != 1 || !double.TryParse(result.Tokens[0].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                return;
            }

            if (!double.IsFinite(value))
            {
                result.AddError(string.Create(CultureInfo.InvariantCulture, $"{option.Name} must be a finite number, got {result.Tokens[0].Value}."));
            }
            else if (value < minimum)
            {
                result.AddError(string.Create(CultureInfo.InvariantCulture, $"{option.Name} must be at least {minimum}, got {value}."));
            }
        });
        return option;
    }

    /// <summary>
    /// Refuses each of <paramref name="options"/> given on the command line while <paramref name="applies"/> is false
    /// ("--x only applies with <paramref name="condition"/>."), rather than ignoring it silently.
    /// </summary>
    public static void OnlyApplyWith(this Command command, Func<System.CommandLine.Parsing.CommandResult, bool> applies, string condition, params Option[] options)
    {
        command.Validators.Add(result =>
        {
            if (applies(result))
            {
                return;
            }

            foreach (var option in options.Where(o => result.GetResult(o) is { Implicit: false }))
            {
                result.AddError($"{option.Name} only applies with {condition}.");
            }
        });
    }
}
