namespace Leadwise.Scoring.Signals;

/// <summary>Cheap checks that flag form fields typed by bots or people who did not mean it.</summary>
public static class SpamSignals
{
    /// <summary>True when a name starts with a lower-case letter ("anna").</summary>
    public static bool IsNotCapitalised(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return false;
        }

        var first = name.TrimStart()[0];
        return char.IsLower(first);
    }

    /// <summary>True when text contains a run of adjacent keyboard keys ("asdf").</summary>
    public static bool LooksLikeKeyboardMash(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        return text.Contains("asdf", StringComparison.OrdinalIgnoreCase)
            || text.Contains("qwer", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>True when a value is a placeholder ("-", "n/a", "test").</summary>
    public static bool IsPlaceholder(string? value)
    {
        if (value is null)
        {
            return false;
        }

        var v = value.Trim();
        return v is "-" or "--" || v.Equals("n/a", StringComparison.OrdinalIgnoreCase)
            || v.Equals("test", StringComparison.OrdinalIgnoreCase);
    }
}
