using System.Collections.Frozen;

namespace Leadwise.Scoring.Signals;

/// <summary>Placeholder detection for <see cref="SpamSignals"/>.</summary>
public static partial class SpamSignals
{
    private const int LongestPlaceholder = 40;

    /// <summary>
    /// Placeholder values, lower case with single spaces. Words that are also real names are left out on purpose:
    /// "na" and "no" (Korean surnames), "bar", "doe", "sample", "tester", "muster".
    /// </summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Placeholders =
        new[]
        {
            "n/a", "n.a.", "n.a", "n. a.", "n / a", "k.a.", "k.a", "k. a.", "keine angabe", "keine angaben", "keine",
            "nicht angegeben", "nicht vorhanden", "entfällt", "not applicable", "not available", "none", "null", "nil",
            "undefined", "unknown", "unbekannt", "nothing", "nichts", "nobody", "noname", "no name", "anonymous", "anonym",
            "test", "testing", "testmail", "test mail", "test me", "testme", "testtest", "test test", "test user",
            "testuser", "test company", "testfirma", "test firma", "test gmbh", "asd", "asdf", "asdasd", "abc", "abcd",
            "foo", "foobar", "blah", "bla", "blabla", "lorem ipsum", "lorem", "dummy", "example", "beispiel", "nein",
            "mustermann", "max mustermann", "erika mustermann", "musterfirma", "john doe", "jane doe", "firstname",
            "first name", "lastname", "last name", "vorname", "nachname", "name", "your name", "ihr name", "company",
            "company name", "firma", "email", "e-mail", "tbd", "todo",
        }.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>True when a field holds a placeholder instead of a value.</summary>
    /// <remarks>
    /// Trimmed and case-insensitive, inner whitespace runs count as one space. Flagged: the placeholder words above
    /// ("-" is covered by the symbol rule; "n/a", "none", "null", "unknown", "test", "testmail", "Test ME", "asd",
    /// "Max Mustermann"); "test" followed by digits ("test123"); values of symbols only ("-", "--", "...", "?");
    /// only x's ("x", "xxx"); three or more of one letter ("aaa"); and test addresses ("test@test.com",
    /// "test@example.com"; see <see cref="EmailClassifier"/>). Null or blank is missing, not a placeholder.
    /// </remarks>
    public static bool IsPlaceholder(string? value) => value is not null && IsPlaceholder(value.AsSpan());

    internal static bool IsPlaceholder(ReadOnlySpan<char> value)
    {
        value = value.Trim();
        if (value.IsEmpty || value.Length > LongestPlaceholder)
        {
            return false;
        }

        if (value.IndexOf('@') >= 0)
        {
            return EmailClassifier.IsTestAddress(value);
        }

        if (IsSymbolsOrRepeat(value))
        {
            return true;
        }

        Span<char> buffer = stackalloc char[LongestPlaceholder];
        var normal = CollapseWhitespace(value, buffer);
        return Placeholders.Contains(normal)
            || (normal.Length > 4 && normal.StartsWith("test", StringComparison.OrdinalIgnoreCase)
                && !normal[4..].ContainsAnyExceptInRange('0', '9'));
    }

    private static bool IsSymbolsOrRepeat(ReadOnlySpan<char> value)
    {
        var letters = 0;
        var onlyX = true;
        var sameLetter = true;
        var first = char.ToLowerInvariant(value[0]);
        foreach (var raw in value)
        {
            if (char.IsLetterOrDigit(raw))
            {
                var c = char.ToLowerInvariant(raw);
                letters++;
                onlyX &= c == 'x';
                sameLetter &= c == first && char.IsLetter(c);
            }
            else if (!char.IsWhiteSpace(raw))
            {
                onlyX = sameLetter = false;
            }

            if (!onlyX && !sameLetter && letters > 0)
            {
                return false; // has a letter or digit, so not symbols only, and neither x's nor one repeated letter
            }
        }

        return letters == 0 || (onlyX && letters == value.Length) || (sameLetter && letters == value.Length && letters >= 3);
    }

    private static ReadOnlySpan<char> CollapseWhitespace(ReadOnlySpan<char> value, Span<char> buffer)
    {
        var length = 0;
        var inSpace = false;
        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c))
            {
                inSpace = true;
                continue;
            }

            if (inSpace)
            {
                buffer[length++] = ' ';
                inSpace = false;
            }

            buffer[length++] = c;
        }

        return buffer[..length];
    }
}
