namespace Leadwise.Learning.Tables;

/// <summary>Splits column names into lower-case words: on punctuation, spaces, digits and camelCase boundaries.</summary>
internal static class ColumnNameWords
{
    /// <example><c>LeadStatus</c>, <c>lead_status</c> and <c>HTTPStatus2</c> all contain <c>status</c>.</example>
    public static List<string> Split(string name)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= name.Length; i++)
        {
            var boundary = i == name.Length || !char.IsLetter(name[i]);
            if (!boundary && start >= 0 && char.IsUpper(name[i])
                && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1]))))
            {
                words.Add(name[start..i].ToLowerInvariant());
                start = i;
                continue;
            }

            if (boundary)
            {
                if (start >= 0)
                {
                    words.Add(name[start..i].ToLowerInvariant());
                }

                start = -1;
            }
            else if (start < 0)
            {
                start = i;
            }
        }

        return words;
    }

    /// <summary>The first of <paramref name="suspicious"/> that is a word of <paramref name="name"/> (or its plural), if any.</summary>
    public static string? FindSuspicious(string name, IReadOnlyList<string> suspicious)
    {
        var words = Split(name);
        return suspicious.FirstOrDefault(s => words.Any(w =>
            string.Equals(w, s, StringComparison.OrdinalIgnoreCase)
            || (w.Length == s.Length + 1 && w.EndsWith('s') && w.StartsWith(s, StringComparison.OrdinalIgnoreCase))));
    }
}
