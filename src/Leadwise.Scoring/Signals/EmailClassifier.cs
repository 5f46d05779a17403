using System.Collections.Frozen;

namespace Leadwise.Scoring.Signals;

/// <summary>Classifies email addresses: missing, invalid, test, disposable, free mail or corporate.</summary>
/// <remarks>
/// <para>Order, first match wins; surrounding whitespace is ignored, case never matters:</para>
/// <list type="number">
/// <item><see cref="EmailKind.Missing"/>: null, empty or whitespace.</item>
/// <item><see cref="EmailKind.Test"/>: a placeholder instead of an address ("-", "testmail", "n/a", "none"; see
/// <see cref="SpamSignals.IsPlaceholder(string?)"/>).</item>
/// <item><see cref="EmailKind.Invalid"/>: fails the syntax check (exactly one @, a non-empty local part of permitted
/// characters without doubled or edge dots, a domain with a dot and valid labels, no spaces).</item>
/// <item><see cref="EmailKind.Test"/>: a reserved or test domain (example.com, example.org, example.net, test.com and
/// their subdomains; the .test, .example, .invalid and .localhost endings), or a test local part (test, testing,
/// tester, testuser, testmail, testtest, dummy, fake, example, sample, each optionally followed by digits:
/// "test123@gmail.com").</item>
/// <item><see cref="EmailKind.Disposable"/>: the domain or a parent of it is on the embedded disposable list.</item>
/// <item><see cref="EmailKind.FreeMail"/>: the domain is on the embedded free-mail list (with brand wildcards such as
/// yahoo.* for yahoo.de or yahoo.co.uk).</item>
/// <item><see cref="EmailKind.Corporate"/>: anything else.</item>
/// </list>
/// <para><see cref="Classify"/> does not allocate; the lists are loaded once, on first use.</para>
/// </remarks>
public static class EmailClassifier
{
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> TestDomains =
        new[] { "example.com", "example.org", "example.net", "test.com" }
            .ToFrozenSet(StringComparer.OrdinalIgnoreCase)
            .GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ReservedEndings =
        new[] { "test", "example", "invalid", "localhost" }
            .ToFrozenSet(StringComparer.OrdinalIgnoreCase)
            .GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> TestLocalParts =
        new[] { "test", "testing", "tester", "testuser", "testmail", "testtest", "dummy", "fake", "example", "sample" }
            .ToFrozenSet(StringComparer.OrdinalIgnoreCase)
            .GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Returns what kind of address <paramref name="email"/> is.</summary>
    public static EmailKind Classify(string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return EmailKind.Missing;
        }

        var address = email.AsSpan().Trim();
        if (address.IndexOf('@') < 0 && SpamSignals.IsPlaceholder(address))
        {
            return EmailKind.Test;
        }

        if (!EmailSyntax.TrySplit(address, out var local, out var domain))
        {
            return EmailKind.Invalid;
        }

        if (IsTest(local, domain))
        {
            return EmailKind.Test;
        }

        if (EmailDomainLists.IsDisposable(domain))
        {
            return EmailKind.Disposable;
        }

        return EmailDomainLists.IsFreeMail(domain) ? EmailKind.FreeMail : EmailKind.Corporate;
    }

    /// <summary>Returns the lower-case domain of a syntactically valid <paramref name="email"/>, or null.</summary>
    public static string? Domain(string? email)
    {
        if (string.IsNullOrWhiteSpace(email) || !EmailSyntax.TrySplit(email.AsSpan().Trim(), out _, out var domain))
        {
            return null;
        }

        return domain.ToString().ToLowerInvariant();
    }

    /// <summary>True when a syntactically valid address is a test address; placeholders without @ are not checked here.</summary>
    internal static bool IsTestAddress(ReadOnlySpan<char> address) =>
        EmailSyntax.TrySplit(address, out var local, out var domain) && IsTest(local, domain);

    private static bool IsTest(ReadOnlySpan<char> local, ReadOnlySpan<char> domain)
    {
        var lastDot = domain.LastIndexOf('.');
        if (ReservedEndings.Contains(domain[(lastDot + 1)..]))
        {
            return true;
        }

        for (var parent = domain; ;)
        {
            if (TestDomains.Contains(parent))
            {
                return true;
            }

            var dot = parent.IndexOf('.');
            if (dot < 0 || parent[(dot + 1)..].IndexOf('.') < 0)
            {
                break;
            }

            parent = parent[(dot + 1)..];
        }

        return TestLocalParts.Contains(local.TrimEnd("0123456789"));
    }
}
