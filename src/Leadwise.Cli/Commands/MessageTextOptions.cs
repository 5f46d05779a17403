using System.CommandLine;
using Leadwise.Recommend.Modeling;

namespace Leadwise.Cli.Commands;

/// <summary><c>--message-text</c> and <c>--text-reader</c>, which <c>train</c> and <c>evaluate recommend</c> share.</summary>
internal sealed class MessageTextOptions
{
    public Option<bool> Read { get; } = new("--message-text") { Description = "Let the sequence model read the message text itself beside the message traits; off by default (docs/recommendation.md)" };

    public Option<MessageTextReader> Reader { get; } = new("--text-reader")
    {
        Description = "With --message-text: sentences (a flag per sentence that at least 5 training texts share, the default) or components (principal components of the word n-grams)",
        DefaultValueFactory = _ => new HazardModelOptions().TextReader,
    };

    /// <summary>Adds both options, and refuses <c>--text-reader</c> (or any of <paramref name="readerOptions"/>) without <c>--message-text</c>.</summary>
    public void AddTo(Command command, params Option[] readerOptions)
    {
        command.Options.Add(Read);
        command.Options.Add(Reader);
        command.OnlyApplyWith(result => result.GetValue(Read), "--message-text", [Reader, .. readerOptions]);
    }

    /// <summary>The reader asked for, or null when the text is not read.</summary>
    public MessageTextReader? Value(ParseResult parseResult) => parseResult.GetValue(Read) ? parseResult.GetValue(Reader) : null;
}
