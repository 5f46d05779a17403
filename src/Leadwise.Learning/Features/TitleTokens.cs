using System.Globalization;
using System.Text;

namespace Leadwise.Learning.Features;

/// <summary>
/// The words of a job title as the conversion model's title-token features read them: distinct, lower case, runs of
/// two or more letters, split on everything else (spaces, hyphens, slashes, digits, punctuation). Unicode-aware:
/// letters of any script count, and a letter's combining marks stay with it, so "Geschäftsführer" is one token whether
/// its "ä" arrives as one character or as "a" plus a combining diaeresis; the common Latin accents (grave, acute,
/// circumflex, tilde, diaeresis, ring, cedilla, caron) are composed, so both spellings give the same token.
/// </summary>
/// <remarks>
/// Scoring's <c>TitleWords</c> (rules, insights, the scorecard) keeps digits inside words ("level2"); a model slot
/// per such variant would be fitted to a handful of leads, so the features split on digits as well. The project runs
/// with invariant globalization, where <see cref="string.Normalize()"/> does not compose, hence the small table.
/// </remarks>
public static class TitleTokens
{
    private const int MinimumLetters = 2;

    /// <summary>Per combining mark: the lower-case base letters it composes with, and the composed letters, position for position.</summary>
    private static readonly Dictionary<int, (string Bases, string Composed)> Accents = new()
    {
        [0x0300] = ("aeiou", "àèìòù"),
        [0x0301] = ("aeiouycnsz", "áéíóúýćńśź"),
        [0x0302] = ("aeiou", "âêîôû"),
        [0x0303] = ("ano", "ãñõ"),
        [0x0308] = ("aeiouy", "äëïöüÿ"),
        [0x030A] = ("au", "åů"),
        [0x0327] = ("cs", "çş"),
        [0x030C] = ("csznre", "čšžňřě"),
    };

    public static IReadOnlyCollection<string> Of(string? title)
    {
        var tokens = new SortedSet<string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(title))
        {
            return tokens;
        }

        var token = new StringBuilder();
        var letters = 0;
        foreach (var rune in title.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (letters > 0 && IsMark(category))
            {
                Attach(token, rune);
                continue;
            }

            if (IsLetter(category))
            {
                token.Append(Rune.ToLowerInvariant(rune).ToString());
                letters++;
                continue;
            }

            Flush(tokens, token, ref letters);
        }

        Flush(tokens, token, ref letters);
        return tokens;
    }

    /// <summary>Composes the mark with the letter before it when the table knows the pair, else keeps it after the letter.</summary>
    private static void Attach(StringBuilder token, Rune mark)
    {
        var at = Accents.TryGetValue(mark.Value, out var accent) ? accent.Bases.IndexOf(token[^1], StringComparison.Ordinal) : -1;
        if (at >= 0)
        {
            token[^1] = accent.Composed[at];
            return;
        }

        token.Append(mark.ToString());
    }

    private static void Flush(SortedSet<string> tokens, StringBuilder token, ref int letters)
    {
        if (letters >= MinimumLetters)
        {
            tokens.Add(token.ToString());
        }

        token.Clear();
        letters = 0;
    }

    private static bool IsLetter(UnicodeCategory category) => category is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter
        or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter;

    private static bool IsMark(UnicodeCategory category) => category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
}
