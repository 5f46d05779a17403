using System.CommandLine;
using Leadwise.Data.Import;

namespace Leadwise.Cli.Commands;

/// <summary>The options every import command shares (--max-errors, --skip-bad-rows, --rejects).</summary>
internal sealed class ImportOptionsBinding
{
    public Option<int> MaxErrors { get; } = new Option<int>("--max-errors")
    {
        Description = "How many errors to list (all are counted)",
        DefaultValueFactory = _ => 100,
    }.AtLeast(1);

    public Option<bool> SkipBadRows { get; } = new("--skip-bad-rows")
    {
        Description = "Import the good rows and report the bad ones (default: all-or-nothing, nothing is written when any row is bad)",
    };

    public Option<FileInfo?> Rejects { get; } = new("--rejects")
    {
        Description = "Where to write the listed errors as CSV (default: leadwise-rejects.csv in the working directory, only when there are errors)",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(MaxErrors);
        command.Options.Add(SkipBadRows);
        command.Options.Add(Rejects);
    }

    public ImportOptions Read(ParseResult parseResult) => new()
    {
        MaxErrors = parseResult.GetValue(MaxErrors),
        SkipBadRows = parseResult.GetValue(SkipBadRows),
        RejectsPath = parseResult.GetValue(Rejects)?.FullName ?? Path.GetFullPath("leadwise-rejects.csv"),
    };
}
