namespace Leadwise.Scoring.Signals;

/// <summary>The words of a job title as points rules, insights and the scorecard compare them: distinct, lower case, two or more letters or digits, sorted.</summary>
public static class TitleWords
{
    public static IReadOnlyCollection<string> Of(string? title)
    {
        var words = new SortedSet<string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(title))
        {
            return words;
        }

        var start = -1;
        for (var i = 0; i <= title.Length; i++)
        {
            var letter = i < title.Length && char.IsLetterOrDigit(title[i]);
            if (letter && start < 0)
            {
                start = i;
            }
            else if (!letter && start >= 0)
            {
                if (i - start >= 2)
                {
                    words.Add(title[start..i].ToLowerInvariant());
                }

                start = -1;
            }
        }

        return words;
    }
}
