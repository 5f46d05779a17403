using System.CommandLine;
using System.Globalization;
using Leadwise.Data.Export;
using Leadwise.Scoring.Engine;
using Leadwise.Scoring.Rules;

namespace Leadwise.Cli.Commands;

/// <summary>--rules and --as-of, shared by score, explain and rules check.</summary>
internal sealed class ScoringOptions(CliContext context)
{
    public Option<FileInfo?> Rules { get; } = new("--rules")
    {
        Description = "Rules file (YAML or JSON); default: the built-in rules (see 'leadwise rules default')",
    };

    public Option<string?> AsOf { get; } = new("--as-of")
    {
        Description = "The moment event points decay to, e.g. 2024-06-30 or 2024-06-30T12:00:00Z (default: now); the same as-of gives the same scores",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Rules);
        command.Options.Add(AsOf);
    }

    public ScoringEngine Engine(ParseResult parseResult) => new(LoadRules(parseResult.GetValue(Rules)));

    public DateTimeOffset ReadAsOf(ParseResult parseResult) => ParseAsOf(parseResult.GetValue(AsOf)) ?? context.Time.GetUtcNow();

    public static ScoringRules LoadRules(FileInfo? file)
    {
        if (file is null)
        {
            return RulesLoader.LoadDefault();
        }

        if (!file.Exists)
        {
            throw new UserFacingException($"There is no rules file {file.FullName}.");
        }

        try
        {
            return RulesLoader.Parse(File.ReadAllText(file.FullName), file.Name);
        }
        catch (RulesValidationException exception)
        {
            throw new UserFacingException(exception.Message);
        }
    }

    /// <summary>A date means its midnight UTC; a time without offset is UTC; the export's own form works too.</summary>
    public static DateTimeOffset? ParseAsOf(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (ExportValues.TryParseTimestamp(text, out var exact))
        {
            return exact;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            return parsed;
        }

        throw new UserFacingException($"--as-of: \"{text}\" is not a date or time; use e.g. 2024-06-30 or 2024-06-30T12:00:00Z.");
    }
}
