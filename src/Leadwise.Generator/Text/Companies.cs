using Leadwise.Generator.Simulation;
using Leadwise.Generator.Truth;

namespace Leadwise.Generator.Text;

/// <summary>Company names that reveal the (latent) industry through a word in them.</summary>
internal static class Companies
{
    private static readonly string[][] GermanIndustryWords =
    [
        ["Software", "IT-Systeme", "Digital", "Datentechnik"],
        ["Logistik", "Spedition", "Transport", "Lagerlogistik"],
        ["Consulting", "Unternehmensberatung", "Beratung"],
        ["Bank", "Finanz", "Versicherung", "Sparkasse"],
        ["Maschinenbau", "Fertigung", "Werkzeugbau", "Anlagenbau"],
        ["Klinik", "Medizintechnik", "Pflegedienst", "Praxis"],
        ["Handel", "Modehaus", "Markt", "Versand"],
    ];

    private static readonly string[][] EnglishIndustryWords =
    [
        ["Software", "Systems", "Digital", "Cloud"],
        ["Logistics", "Freight", "Transport", "Shipping"],
        ["Consulting", "Advisory", "Partners Consulting"],
        ["Bank", "Capital", "Finance", "Insurance"],
        ["Manufacturing", "Engineering", "Industries", "Tooling"],
        ["Health", "Medical", "Clinic", "Care"],
        ["Retail", "Stores", "Trading", "Commerce"],
    ];

    private static readonly string[] GermanPrefixes = ["Nordwind", "Alpen", "Rhein", "Elbe", "Berger", "Hansa", "Sonnen", "Brückner", "Schwarzwald", "Isar", "Müller & Söhne", "Weber, Klein"];
    private static readonly string[] EnglishPrefixes = ["Brightwave", "Northstar", "Bluebird", "Riverside", "Summit", "Oakridge", "Greenfield", "Smith, Jones &", "Harbour", "Crown"];
    private static readonly string[] GermanSuffixes = ["GmbH", "AG", "GmbH & Co. KG", "e.K.", "GmbH", "SE"];
    private static readonly string[] EnglishSuffixes = ["Ltd", "Inc.", "LLC", "B.V.", "Group", "plc"];

    public static string Name(Industry industry, Language language, ref StreamRandom random)
    {
        var german = language == Language.German;
        var prefix = random.Pick(german ? GermanPrefixes : EnglishPrefixes);
        var word = random.Pick((german ? GermanIndustryWords : EnglishIndustryWords)[(int)industry]);
        var suffix = random.Pick(german ? GermanSuffixes : EnglishSuffixes);
        return random.Next(20) switch
        {
            0 => $"\"{prefix}\" {word} {suffix}",
            1 => $"{word} {prefix}",
            _ => $"{prefix} {word} {suffix}",
        };
    }

    /// <summary>A plausible mail domain for a company name: lower-case letters only, umlauts spelled out.</summary>
    public static string Domain(string companyName, string topLevelDomain)
    {
        var builder = new System.Text.StringBuilder(companyName.Length + 8);
        foreach (var c in companyName.ToLowerInvariant())
        {
            switch (c)
            {
                case >= 'a' and <= 'z':
                    builder.Append(c);
                    break;
                case 'ä':
                    builder.Append("ae");
                    break;
                case 'ö':
                    builder.Append("oe");
                    break;
                case 'ü':
                    builder.Append("ue");
                    break;
                case 'ß':
                    builder.Append("ss");
                    break;
                case ' ' when builder.Length > 12:
                    return builder.Append('.').Append(topLevelDomain).ToString();
                default:
                    break;
            }
        }

        return builder.Append('.').Append(topLevelDomain).ToString();
    }
}
