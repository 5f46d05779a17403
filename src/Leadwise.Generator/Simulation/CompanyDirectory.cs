using Leadwise.Core.Companies;
using Leadwise.Core.Outreach;
using Leadwise.Generator.Text;
using Leadwise.Generator.Truth;

namespace Leadwise.Generator.Simulation;

/// <summary>
/// Collects the companies of the generated leads (one pass) and turns them into firmographic profiles. The name
/// is exactly the leads' <c>companyName</c>; industry is the leads' latent industry (a company name's industry word
/// fixes it); country and domain are the most frequent among its leads (ties: ordinally first); employees and
/// target market are drawn from a stream seeded by the export seed and the name, so they are deterministic.
/// Placeholders ("Test ME", "-") and the keyboard-mash companies of spam leads are left out.
/// </summary>
internal sealed class CompanyDirectory(int seed)
{
    private static readonly double[] MedianEmployees = [45, 120, 25, 350, 250, 150, 80];
    private static readonly string[] TargetMarkets = ["B2B", "B2C", "Enterprise", "SMB"];

    /// <summary>Weights of <see cref="TargetMarkets"/> per industry (Software … Retail).</summary>
    private static readonly double[][] TargetMarketWeights =
    [
        [0.40, 0.10, 0.30, 0.20],
        [0.60, 0.05, 0.20, 0.15],
        [0.40, 0.00, 0.30, 0.30],
        [0.25, 0.45, 0.20, 0.10],
        [0.60, 0.05, 0.25, 0.10],
        [0.30, 0.60, 0.00, 0.10],
        [0.10, 0.70, 0.00, 0.20],
    ];

    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public static bool IsPlaceholder(string? companyName) => companyName is null or "" or "-" or "Test ME";

    public void Add(LeadOutcome outcome, Lead lead)
    {
        if (outcome.Profile.IsSpam || IsPlaceholder(lead.CompanyName))
        {
            return;
        }

        if (!_entries.TryGetValue(lead.CompanyName!, out var entry))
        {
            entry = new Entry(outcome.Profile.Industry);
            _entries.Add(lead.CompanyName!, entry);
        }

        Count(entry.Countries, lead.Country ?? string.Empty);
        if (lead.Email is { } email && email.IndexOf('@', StringComparison.Ordinal) is var at and >= 0)
        {
            Count(entry.Domains, email[(at + 1)..]);
        }
    }

    public IEnumerable<CompanyProfile> Profiles()
    {
        foreach (var (name, entry) in _entries.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            var random = new StreamRandom(StreamRandom.Mix((ulong)seed, Fnv1a(name), 8));
            var country = MostFrequent(entry.Countries);
            var industry = (int)entry.Industry;
            var employees = Math.Exp(Math.Log(MedianEmployees[industry]) + (1.5 * random.NextNormal())) * LegalFormFactor(name);
            yield return new CompanyProfile
            {
                Name = name,
                Domain = entry.Domains.Count > 0 ? MostFrequent(entry.Domains) : Companies.Domain(name, TopLevelDomain(country)),
                Industry = entry.Industry.ToString(),
                Employees = (int)Math.Clamp(Math.Round(employees), 1, 250_000),
                TargetMarket = TargetMarkets[random.NextWeighted(TargetMarketWeights[industry])],
                Country = country.Length > 0 ? country : null,
            };
        }
    }

    private static void Count(Dictionary<string, int> counts, string key) =>
        counts[key] = counts.TryGetValue(key, out var count) ? count + 1 : 1;

    private static string MostFrequent(Dictionary<string, int> counts) =>
        counts.OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key, StringComparer.Ordinal).First().Key;

    private static string TopLevelDomain(string country) =>
        People.GermanPlaces.Concat(People.EnglishPlaces).FirstOrDefault(place => string.Equals(place.Country, country, StringComparison.Ordinal))?.TopLevelDomain ?? "com";

    /// <summary>Sole traders (e.K.) are small; stock corporations and groups large.</summary>
    private static double LegalFormFactor(string name) =>
        name.EndsWith(" e.K.", StringComparison.Ordinal) ? 0.08
        : name.EndsWith(" AG", StringComparison.Ordinal) || name.EndsWith(" SE", StringComparison.Ordinal) || name.EndsWith(" plc", StringComparison.Ordinal) ? 5.0
        : name.EndsWith(" Group", StringComparison.Ordinal) ? 3.0
        : 1.0;

    /// <summary>FNV-1a over the UTF-16 code units: stable across processes, unlike <see cref="string.GetHashCode()"/>.</summary>
    private static ulong Fnv1a(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }

    private sealed class Entry(Industry industry)
    {
        public Industry Industry { get; } = industry;

        public Dictionary<string, int> Countries { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, int> Domains { get; } = new(StringComparer.Ordinal);
    }
}
