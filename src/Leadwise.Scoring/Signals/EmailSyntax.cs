namespace Leadwise.Scoring.Signals;

/// <summary>
/// A deliberately plain address check: one @, a local part of 1–64 characters of letters, digits and
/// <c>!#$%&amp;'*+-/=?^_`{|}~.</c> without leading, trailing or doubled dots, and a domain of at most 253 characters with a
/// dot, labels of 1–63 letters, digits or inner hyphens, and a top-level label of two or more characters that is not all
/// digits. Letters beyond ASCII are allowed (internationalised addresses); quoted local parts and IP literals are not.
/// </summary>
internal static class EmailSyntax
{
    public static bool TrySplit(ReadOnlySpan<char> address, out ReadOnlySpan<char> local, out ReadOnlySpan<char> domain)
    {
        var at = address.IndexOf('@');
        local = at > 0 ? address[..at] : [];
        domain = at > 0 ? address[(at + 1)..] : [];
        return at > 0 && domain.IndexOf('@') < 0 && IsLocalPart(local) && IsDomain(domain);
    }

    private static bool IsLocalPart(ReadOnlySpan<char> local)
    {
        if (local.Length is 0 or > 64 || local[0] == '.' || local[^1] == '.' || local.Contains("..", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in local)
        {
            var ok = char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-/=?^_`{|}~.".Contains(c, StringComparison.Ordinal)
                || (c > 127 && char.IsLetterOrDigit(c));
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsDomain(ReadOnlySpan<char> domain)
    {
        if (domain.Length is 0 or > 253)
        {
            return false;
        }

        var labels = 0;
        var allDigits = true;
        while (true)
        {
            var dot = domain.IndexOf('.');
            var label = dot < 0 ? domain : domain[..dot];
            if (label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-')
            {
                return false;
            }

            allDigits = true;
            foreach (var c in label)
            {
                if (!(char.IsLetterOrDigit(c) && (c <= 127 || char.IsLetter(c))) && c != '-')
                {
                    return false;
                }

                allDigits &= char.IsAsciiDigit(c);
            }

            labels++;
            if (dot < 0)
            {
                return labels >= 2 && label.Length >= 2 && !allDigits;
            }

            domain = domain[(dot + 1)..];
        }
    }
}
