using System.Collections.Frozen;
using System.Reflection;

namespace Leadwise.Scoring.Signals;

/// <summary>The disposable and free-mail domain lists, read once from the assembly's embedded text files.</summary>
internal static class EmailDomainLists
{
    private static readonly FrozenSet<string> DisposableDomains = Load("disposable-email-domains.txt", wildcards: null);

    private static readonly FrozenSet<string> FreeMailBrandSet = LoadBrands("free-email-domains.txt");

    private static readonly FrozenSet<string> FreeMailDomains = Load("free-email-domains.txt", wildcards: false);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Disposable =
        DisposableDomains.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> FreeMail =
        FreeMailDomains.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> FreeMailBrands =
        FreeMailBrandSet.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Second-level labels under which providers register per country ("co.uk", "com.br").</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> CountrySecondLevels =
        new[] { "co", "com", "net", "org", "ne", "or", "ac" }
            .ToFrozenSet(StringComparer.OrdinalIgnoreCase)
            .GetAlternateLookup<ReadOnlySpan<char>>();

    public static int DisposableCount => DisposableDomains.Count;

    public static int FreeMailCount => FreeMailDomains.Count + FreeMailBrandSet.Count;

    /// <summary>True when <paramref name="domain"/> or a parent domain of it is disposable ("x.mailinator.com").</summary>
    public static bool IsDisposable(ReadOnlySpan<char> domain)
    {
        while (true)
        {
            if (Disposable.Contains(domain))
            {
                return true;
            }

            var dot = domain.IndexOf('.');
            if (dot < 0 || domain[(dot + 1)..].IndexOf('.') < 0)
            {
                return false;
            }

            domain = domain[(dot + 1)..];
        }
    }

    /// <summary>True when <paramref name="domain"/> is listed, or is a listed brand under a country ending ("yahoo.co.uk").</summary>
    public static bool IsFreeMail(ReadOnlySpan<char> domain)
    {
        if (FreeMail.Contains(domain))
        {
            return true;
        }

        var dot = domain.IndexOf('.');
        if (dot <= 0 || !FreeMailBrands.Contains(domain[..dot]))
        {
            return false;
        }

        var ending = domain[(dot + 1)..];
        var second = ending.IndexOf('.');
        return second < 0 || (CountrySecondLevels.Contains(ending[..second]) && ending[(second + 1)..].IndexOf('.') < 0);
    }

    private static FrozenSet<string> Load(string name, bool? wildcards)
    {
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in ReadLines(name))
        {
            if (wildcards is false && line.EndsWith(".*", StringComparison.Ordinal))
            {
                continue;
            }

            set.Add(line);
        }

        return set.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }

    private static FrozenSet<string> LoadBrands(string name) =>
        ReadLines(name)
            .Where(line => line.EndsWith(".*", StringComparison.Ordinal))
            .Select(line => line[..^2])
            .ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static List<string> ReadLines(string name)
    {
        var resource = "Leadwise.Scoring.Signals." + name;
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded resource '{resource}' is missing from Leadwise.Scoring.");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            var trimmed = line.Trim();
            if (trimmed.Length > 0 && trimmed[0] != '#')
            {
                lines.Add(trimmed.ToLowerInvariant());
            }
        }

        return lines;
    }
}
