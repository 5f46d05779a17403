using System.Collections.Frozen;
using Leadwise.Core.Outreach;

namespace Leadwise.Core.Companies;

/// <summary>
/// Finds a lead's company among the profiles of the companies file, most certain match first: the
/// exact company name (<see cref="CompanyNameKey.Of"/>, as the store keys companies), then the name
/// without its legal form (<see cref="CompanyNameKey.Loose"/>), then the domain of the lead's email.
/// A loose name or a domain that several companies share matches none of them: a wrong firmographic
/// is worse than a missing one. Built once, then read concurrently.
/// </summary>
public sealed class CompanyDirectory
{
    private readonly FrozenDictionary<string, CompanyProfile> _byName;
    private readonly FrozenDictionary<string, CompanyProfile> _byLooseName;
    private readonly FrozenDictionary<string, CompanyProfile> _byDomain;

    public CompanyDirectory(IEnumerable<CompanyProfile> companies)
    {
        ArgumentNullException.ThrowIfNull(companies);
        var byName = new Dictionary<string, CompanyProfile>(StringComparer.Ordinal);
        var byLooseName = new Dictionary<string, CompanyProfile?>(StringComparer.Ordinal);
        var byDomain = new Dictionary<string, CompanyProfile?>(StringComparer.Ordinal);
        foreach (var company in companies)
        {
            byName.TryAdd(CompanyNameKey.Of(company.Name), company);
            AddUnique(byLooseName, CompanyNameKey.Loose(company.Name), company);
            if (!string.IsNullOrWhiteSpace(company.Domain))
            {
                AddUnique(byDomain, company.Domain.Trim().ToLowerInvariant(), company);
            }
        }

        _byName = byName.ToFrozenDictionary(StringComparer.Ordinal);
        _byLooseName = Unambiguous(byLooseName);
        _byDomain = Unambiguous(byDomain);
    }

    public int Count => _byName.Count;

    public CompanyProfile? Find(Lead lead)
    {
        ArgumentNullException.ThrowIfNull(lead);
        if (_byName.Count == 0)
        {
            return null;
        }

        if (!string.IsNullOrWhiteSpace(lead.CompanyName))
        {
            if (_byName.TryGetValue(CompanyNameKey.Of(lead.CompanyName), out var exact))
            {
                return exact;
            }

            if (_byLooseName.TryGetValue(CompanyNameKey.Loose(lead.CompanyName), out var loose))
            {
                return loose;
            }
        }

        return EmailDomain(lead.Email) is { } domain && _byDomain.TryGetValue(domain, out var byDomain) ? byDomain : null;
    }

    /// <summary>The lower-case domain of an email address, or null when it has none.</summary>
    public static string? EmailDomain(string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return null;
        }

        var at = email.LastIndexOf('@');
        return at > 0 && at < email.Length - 1 ? email[(at + 1)..].Trim().ToLowerInvariant() : null;
    }

    /// <summary>Records the company under the key, or marks the key ambiguous (null) when another company has it.</summary>
    private static void AddUnique(Dictionary<string, CompanyProfile?> map, string key, CompanyProfile company)
    {
        if (!map.TryAdd(key, company) && !ReferenceEquals(map[key], company))
        {
            map[key] = null;
        }
    }

    private static FrozenDictionary<string, CompanyProfile> Unambiguous(Dictionary<string, CompanyProfile?> map) =>
        map.Where(pair => pair.Value is not null).ToFrozenDictionary(pair => pair.Key, pair => pair.Value!, StringComparer.Ordinal);
}
