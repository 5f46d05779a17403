using System.Collections.Frozen;
using Leadwise.Core.Outreach;

namespace Leadwise.Core.Companies;

/// <summary>
/// Finds a lead's company among the profiles of the companies file: by the company name the lead
/// gives (compared by <see cref="CompanyNameKey"/>, as the store keys companies), else by the domain of
/// the lead's email. Built once, then read concurrently.
/// </summary>
public sealed class CompanyDirectory
{
    private readonly FrozenDictionary<string, CompanyProfile> _byName;
    private readonly FrozenDictionary<string, CompanyProfile> _byDomain;

    public CompanyDirectory(IEnumerable<CompanyProfile> companies)
    {
        ArgumentNullException.ThrowIfNull(companies);
        var byName = new Dictionary<string, CompanyProfile>(StringComparer.Ordinal);
        var byDomain = new Dictionary<string, CompanyProfile>(StringComparer.Ordinal);
        foreach (var company in companies)
        {
            byName.TryAdd(CompanyNameKey.Of(company.Name), company);
            if (!string.IsNullOrWhiteSpace(company.Domain))
            {
                byDomain.TryAdd(company.Domain.Trim().ToLowerInvariant(), company);
            }
        }

        _byName = byName.ToFrozenDictionary(StringComparer.Ordinal);
        _byDomain = byDomain.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public static CompanyDirectory Empty { get; } = new([]);

    public int Count => _byName.Count;

    public CompanyProfile? Find(Lead lead)
    {
        ArgumentNullException.ThrowIfNull(lead);
        if (_byName.Count == 0)
        {
            return null;
        }

        if (!string.IsNullOrWhiteSpace(lead.CompanyName) && _byName.TryGetValue(CompanyNameKey.Of(lead.CompanyName), out var byName))
        {
            return byName;
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
}
