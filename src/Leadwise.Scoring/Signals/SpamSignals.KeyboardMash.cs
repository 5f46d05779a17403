namespace Leadwise.Scoring.Signals;

/// <summary>Keyboard-mash detection for <see cref="SpamSignals"/>.</summary>
public static partial class SpamSignals
{
    private const int MashRun = 4;
    private const int TopRowInnerRun = 6;
    private const int ConsonantOnlyWord = 6;

    /// <summary>Key rows of the US QWERTY and German QWERTZ layouts, top to bottom.</summary>
    private static readonly string[][] Layouts =
    [
        ["qwertyuiop[]", "asdfghjkl;'", "zxcvbnm,./"],
        ["qwertzuiopü+", "asdfghjklöä#", "yxcvbnm,.-"],
    ];

    /// <summary>Per layout, for each lower-case char below 256: row * 32 + column + 1, or 0 when not on a row.</summary>
    private static readonly byte[][] KeyPositions = [.. Layouts.Select(BuildPositions)];

    /// <summary>
    /// True when <paramref name="text"/> looks typed by running a hand along the keyboard ("asdf", "qwertz", "jkl;",
    /// "Asdfgh GmbH") or by holding a key ("aaaa").
    /// </summary>
    /// <remarks>
    /// <para>Flagged, case-insensitively, on the QWERTY or the QWERTZ layout:</para>
    /// <list type="bullet">
    /// <item>4 or more neighbouring keys of the home or bottom row in either direction ("asdf", "sdfghj", "lkjh",
    /// "jkl;", "yxcv", "xcvbn"); no English or German word has such a run.</item>
    /// <item>On the top row, whose vowels make runs inside real words ("Schwertfeger" has "wert", "Hertz" has "ertz",
    /// "Property" has "erty", "Wertz" has "wertz"), 4 or more keys only when the run reaches an end key, q or p and
    /// beyond ("qwer", "qwertz", "uiop", "poiu"), and 6 or more anywhere ("wertzu").</item>
    /// <item>The same letter 4 or more times in a row ("aaaa", "xxxx").</item>
    /// <item>A word of 6 or more ASCII letters without a vowel (a, e, i, o, u, y): "sdfghjk", "bcdfgh". German
    /// clusters stay inside words that have vowels ("Angstschweiß", "Strumpf", "Herbst"); non-Latin words are not
    /// judged.</item>
    /// </list>
    /// <para>Not flagged: "Asdrubal" (only "asd"), "Qwest" (only "qwe"), names, companies, null or blank. Digits are not
    /// keys here: "1234" is not a mash.</para>
    /// </remarks>
    public static bool LooksLikeKeyboardMash(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.Length < MashRun)
        {
            return false;
        }

        return HasKeyRun(text, KeyPositions[0]) || HasKeyRun(text, KeyPositions[1]) || HasRepeatOrConsonantWord(text);
    }

    private static bool HasKeyRun(string text, byte[] positions)
    {
        int previous = 0, forward = 0, backward = 0;
        bool forwardEdge = false, backwardEdge = false;
        foreach (var raw in text)
        {
            var c = char.ToLowerInvariant(raw);
            var position = c < positions.Length ? positions[c] : 0;
            if (position == 0)
            {
                previous = forward = backward = 0;
                continue;
            }

            var column = (position - 1) % 32;
            var edge = column == 0 || column >= 9;
            var sameRow = previous != 0 && (previous - 1) / 32 == (position - 1) / 32;
            (forward, forwardEdge) = sameRow && position == previous + 1 ? (forward + 1, forwardEdge || edge) : (1, edge);
            (backward, backwardEdge) = sameRow && position == previous - 1 ? (backward + 1, backwardEdge || edge) : (1, edge);
            previous = position;

            var topRow = position <= 32;
            if (IsMashRun(forward, forwardEdge, topRow) || IsMashRun(backward, backwardEdge, topRow))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsMashRun(int length, bool reachesEdge, bool topRow) =>
        topRow ? length >= TopRowInnerRun || (length >= MashRun && reachesEdge) : length >= MashRun;

    private static bool HasRepeatOrConsonantWord(string text)
    {
        var repeat = 0;
        var previous = '\0';
        int wordLength = 0;
        var consonantsOnly = true;
        foreach (var raw in text)
        {
            var c = char.ToLowerInvariant(raw);
            if (!char.IsLetter(c))
            {
                if (consonantsOnly && wordLength >= ConsonantOnlyWord)
                {
                    return true;
                }

                repeat = wordLength = 0;
                consonantsOnly = true;
                previous = '\0';
                continue;
            }

            repeat = c == previous ? repeat + 1 : 1;
            if (repeat >= MashRun)
            {
                return true;
            }

            previous = c;
            wordLength++;
            consonantsOnly &= char.IsAsciiLetter(c) && "aeiouy".IndexOf(c, StringComparison.Ordinal) < 0;
        }

        return consonantsOnly && wordLength >= ConsonantOnlyWord;
    }

    private static byte[] BuildPositions(string[] rows)
    {
        var positions = new byte[256];
        for (var row = 0; row < rows.Length; row++)
        {
            for (var column = 0; column < rows[row].Length; column++)
            {
                positions[rows[row][column]] = (byte)((row * 32) + column + 1);
            }
        }

        return positions;
    }
}
