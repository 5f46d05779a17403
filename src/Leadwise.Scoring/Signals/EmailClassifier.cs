namespace Leadwise.Scoring.Signals;

/// <summary>Classifies email addresses: missing, invalid, test, disposable, free mail or corporate.</summary>
public static class EmailClassifier
{
    /// <summary>Returns what kind of address <paramref name="email"/> is.</summary>
    public static EmailKind Classify(string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return EmailKind.Missing;
        }

        var domain = Domain(email);
        if (domain is null)
        {
            return EmailKind.Invalid;
        }

        return domain switch
        {
            "example.com" or "test.com" => EmailKind.Test,
            "mailinator.com" => EmailKind.Disposable,
            "gmail.com" or "web.de" or "gmx.de" => EmailKind.FreeMail,
            _ => EmailKind.Corporate,
        };
    }

    /// <summary>Returns the lower-case domain of <paramref name="email"/>, or null when it has none.</summary>
    public static string? Domain(string? email)
    {
        if (email is null)
        {
            return null;
        }

        var at = email.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at == email.Length - 1)
        {
            return null;
        }

        return email[(at + 1)..].Trim().ToLowerInvariant();
    }
}
