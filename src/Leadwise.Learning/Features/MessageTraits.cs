using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using Leadwise.Core.Outreach;

namespace Leadwise.Learning.Features;

/// <summary>
/// What a message template says about itself: its language (German or English, by common function
/// words), whether it is long, personalised (<c>{{ first_name }}</c>), asks a question, or carries a link,
/// and how many days after the previous step it is planned.
/// </summary>
public sealed record MessageTraits(bool German, int Words, bool Personalised, bool Question, bool Link, double? IntervalDays = null)
{
    private const int LongWords = 60;

    private static readonly FrozenSet<string> GermanWords = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        ["und", "ich", "sie", "ihnen", "ihr", "ihre", "mit", "für", "nicht", "gerne", "gern", "wir", "uns", "ist", "sind", "der", "die", "das", "dem", "den", "ein", "eine", "einen", "zu", "auf", "haben", "würde", "freue", "viele", "grüße", "vielen", "dank", "kurz", "mich"]);

    private static readonly FrozenSet<string> EnglishWords = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        ["and", "i", "you", "your", "with", "for", "not", "would", "we", "us", "is", "are", "the", "a", "an", "to", "on", "have", "love", "best", "regards", "thanks", "thank", "quick", "me", "connect", "happy"]);

    public bool Long => Words >= LongWords;

    /// <summary>
    /// Every lead of a campaign shares its message objects; reading a template's words once per message
    /// rather than once per lead keeps scoring a million leads from re-tokenising the same text.
    /// </summary>
    private static readonly ConditionalWeakTable<Message, MessageTraits> Cache = [];

    public static MessageTraits Of(Message message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Cache.GetValue(message, Read);
    }

    private static MessageTraits Read(Message message)
    {
        var content = message.Content ?? string.Empty;
        var german = 0;
        var english = 0;
        var words = 0;
        foreach (var word in content.Split([' ', '\n', '\r', '\t', ',', '.', '!', '?', ':', ';', '(', ')', '"'], StringSplitOptions.RemoveEmptyEntries))
        {
            words++;
            german += GermanWords.Contains(word) ? 1 : 0;
            english += EnglishWords.Contains(word) ? 1 : 0;
        }

        // Umlauts and ß tip a close count: they hardly occur in English outreach.
        german += content.AsSpan().IndexOfAny("äöüÄÖÜß") >= 0 ? 1 : 0;
        return new MessageTraits(
            german > english,
            words,
            content.Contains("{{ first_name }}", StringComparison.Ordinal) || content.Contains("{{first_name}}", StringComparison.Ordinal),
            content.Contains('?', StringComparison.Ordinal),
            content.Contains("http", StringComparison.OrdinalIgnoreCase),
            message.IntervalDays);
    }
}
